import { loadModel, type LoadedModel, type LoadModelOptions } from './load-model';
import type { CzModelLike } from './model-metadata';

const byPath = new Map<string, Promise<LoadedModel>>();
const byObject = new WeakMap<object, Promise<LoadedModel>>();

/** Loads a model once per path / byte array / CzModel object and reuses its session afterwards. */
export function getModel(source: string | Uint8Array | CzModelLike | LoadedModel, options: LoadModelOptions = {}): Promise<LoadedModel> {
  if (typeof source === 'object' && 'session' in source) return Promise.resolve(source);
  if (typeof source === 'string') {
    const key = `${source}\0${JSON.stringify(options)}`;
    let p = byPath.get(key);
    if (!p) { p = loadModel(source, options); byPath.set(key, p); p.catch(() => byPath.delete(key)); }
    return p;
  }
  let p = byObject.get(source);
  if (!p) { p = loadModel(source, options); byObject.set(source, p); p.catch(() => byObject.delete(source)); }
  return p;
}

/** Releases every cached session that was loaded by path. */
export async function clearModelCache(): Promise<void> {
  const all = [...byPath.values()];
  byPath.clear();
  for (const p of all) await (await p.catch(() => undefined))?.dispose();
}
