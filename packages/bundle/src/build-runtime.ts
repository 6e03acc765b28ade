import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'runtime', 'entry.ts');

/** Native and optional modules the runtime loads from node_modules (installed in the image by the Dockerfile). */
export const RUNTIME_EXTERNALS = ['onnxruntime-node'] as const;

let cached: Promise<Uint8Array> | undefined;

/**
 * packages/inference (with the bundle's CLI + HTTP server) built into ONE CommonJS file with esbuild; only
 * onnxruntime-node stays external. Built once per process.
 */
export function buildRuntime(): Promise<Uint8Array> {
  cached ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    external: [...RUNTIME_EXTERNALS],
    write: false,
    logLevel: 'silent',
    banner: { js: '/* Tessera model bundle runtime: built from packages/inference (esbuild). */' },
  }).then((r) => {
    const f = r.outputFiles[0];
    if (!f) throw new Error('esbuild produced no runtime');
    return f.contents;
  });
  cached.catch(() => { cached = undefined; });
  return cached;
}
