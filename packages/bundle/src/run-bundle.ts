import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { readImage, writeTiff } from '@tessera/imaging';
import type { Raster } from '@tessera/inference';
import type { GoldenTile } from './golden-set';
import { sha256 } from './package-czann';
import type { TileOutput } from './parity';
import { BUNDLE_FILES } from './runtime/bundle-model';
import type { BundleManifest } from './build-bundle';
import { readTarGz } from './tar';

const run = promisify(execFile);

/** The node_modules folder that holds onnxruntime-node here (the Dockerfile installs it inside the image). */
export function defaultNodePath(): string {
  const req = createRequire(import.meta.url);
  const pkg = req.resolve('onnxruntime-node/package.json');
  return path.dirname(path.dirname(pkg));
}

/** Unpacks a bundle .tar.gz into a fresh temporary folder; returns it and whether every file matches manifest.json. */
export async function unpackBundle(bundle: Uint8Array, into?: string): Promise<{ dir: string; checksumsMatch: boolean; manifest: BundleManifest }> {
  const dir = into ?? (await mkdtemp(path.join(os.tmpdir(), 'tessera-bundle-')));
  const entries = readTarGz(bundle);
  for (const e of entries) await writeFile(path.join(dir, e.path), e.data, { mode: e.mode ?? 0o644 });
  const manifestEntry = entries.find((e) => e.path === BUNDLE_FILES.manifest);
  if (!manifestEntry) throw new Error('The bundle has no manifest.json');
  const manifest = JSON.parse(Buffer.from(manifestEntry.data).toString('utf8')) as BundleManifest;
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const checksumsMatch = manifest.files.every((f) => {
    const e = byPath.get(f.path);
    return e !== undefined && sha256(e.data) === f.sha256;
  });
  return { dir, checksumsMatch, manifest };
}

/**
 * Runs the bundle's own runtime (`node runtime.cjs predict`) from an unpacked folder on each tile, the way a user
 * runs it without Docker; reads back labels, probabilities and the object table.
 */
export async function runUnpackedBundle(dir: string, tiles: GoldenTile[], opts: { nodePath?: string; threads?: number } = {}): Promise<TileOutput[]> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'tessera-bundle-run-'));
  try {
    const outputs: TileOutput[] = [];
    for (const [i, t] of tiles.entries()) {
      const input = path.join(work, `tile-${i}.tif`);
      await writeFile(input, writeTiff(t.raster as Parameters<typeof writeTiff>[0]));
      const files = { output: path.join(work, `labels-${i}.tif`), probabilities: path.join(work, `p-${i}.tif`), objects: path.join(work, `objects-${i}.csv`) };
      await run(process.execPath, [
        path.join(dir, BUNDLE_FILES.runtime), 'predict', '--input', input, '--output', files.output,
        '--probabilities', files.probabilities, '--objects', files.objects, '--threads', String(opts.threads ?? 1),
      ], { env: { ...process.env, NODE_PATH: opts.nodePath ?? defaultNodePath() }, maxBuffer: 16 * 1024 * 1024 });
      const labels = readImage(new Uint8Array(await readFile(files.output))).planes[0] as Raster;
      let scores: Raster | undefined;
      try {
        scores = readImage(new Uint8Array(await readFile(files.probabilities))).planes[0] as Raster;
      } catch {
        scores = labels.dtype === 'float32' ? labels : undefined;
      }
      const csv = (await readFile(files.objects, 'utf8')).trim().split('\n');
      const instance = csv.length > 1 || csv[0] !== 'id';
      outputs.push({ labels, scores, instances: instance ? csv.length - 1 : undefined });
    }
    return outputs;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
