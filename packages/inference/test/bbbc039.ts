import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readImage, type Raster } from '@tessera/imaging';
import { labelComponents } from '../src/instances/connected-components';

/** ../shared/data relative to the repo root (tests run from the root). */
export const DATA_DIR = join(import.meta.dirname, '../../../../shared/data');
export const NUCLEI_DIR = join(DATA_DIR, 'nuclei-bbbc039');
export const CZANN_DIR = join(DATA_DIR, 'czann');

export function nucleiNames(): string[] {
  return readdirSync(join(NUCLEI_DIR, 'images')).filter((f) => f.endsWith('.tif')).map((f) => f.replace(/\.tif$/, '')).sort();
}

export function readNucleiImage(name: string): Raster {
  const stack = readImage(new Uint8Array(readFileSync(join(NUCLEI_DIR, 'images', `${name}.tif`))));
  return stack.planes[0] as Raster;
}

/** Ground-truth instances: connected components of each non-zero R value of the RGBA mask. */
export function readNucleiTruth(name: string): { instances: Int32Array; foreground: Uint8Array; width: number; height: number } {
  const m = readImage(new Uint8Array(readFileSync(join(NUCLEI_DIR, 'masks', `${name}.png`)))).planes[0] as Raster;
  const n = m.width * m.height;
  const instances = new Int32Array(n);
  const foreground = new Uint8Array(n);
  let next = 0;
  for (const v of [1, 2, 3]) {
    const mask = new Uint8Array(n);
    for (let i = 0; i < n; i++) if (m.data[i * m.channels] === v) { mask[i] = 1; foreground[i] = 1; }
    const cc = labelComponents(mask, m.width, m.height, 4);
    for (let i = 0; i < n; i++) if (cc.labels[i]) instances[i] = cc.labels[i]! + next;
    next += cc.count;
  }
  return { instances, foreground, width: m.width, height: m.height };
}
