import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onnx } from 'onnx-proto';
import { readImage } from '@tessera/imaging';
import { loadModel, type LoadedModel, type Raster } from '@tessera/inference';
import {
  BUNDLE_FILES, buildBundleFiles, checkBundleParity, checkCzannParity, defaultNodePath, platformOutputs,
  readTarGz, runModelOnImage, unpackBundle, writeBundle, writeTarGz, type GoldenTile,
} from './index';
import { BBBC039, nucleiInstanceModel, readBytes } from './test-models';

const run = promisify(execFile);

/** Scales the first float initializer by 1.5: a tampered model file that still loads. */
function tamperOnnx(bytes: Uint8Array): Uint8Array {
  const m = onnx.ModelProto.decode(bytes);
  const init = m.graph!.initializer!.find((t) => t.dataType === 1 && ((t.floatData?.length ?? 0) > 8 || (t.rawData?.length ?? 0) >= 32))!;
  if (init.floatData?.length) init.floatData = init.floatData.map((v) => v * 1.5 + 0.05);
  else {
    const raw = new Uint8Array(init.rawData!);
    const f = new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
    for (let i = 0; i < f.length; i++) f[i] = f[i]! * 1.5 + 0.05;
    init.rawData = raw;
  }
  return onnx.ModelProto.encode(m).finish();
}

describe('tar', () => {
  it('round-trips files byte for byte and refuses unsafe paths', () => {
    const files = [{ path: 'a.txt', data: new Uint8Array([1, 2, 3]) }, { path: 'dir/b.bin', data: new Uint8Array(1000).fill(7) }];
    const back = readTarGz(writeTarGz(files));
    expect(back.map((f) => [f.path, Buffer.from(f.data).toString('hex')])).toEqual(files.map((f) => [f.path, Buffer.from(f.data).toString('hex')]));
    expect(Buffer.from(writeTarGz(files)).equals(Buffer.from(writeTarGz(files)))).toBe(true);
    expect(() => writeTarGz([{ path: '../evil', data: new Uint8Array(1) }])).toThrow(/Unsafe/);
    expect(() => writeTarGz([{ path: '/etc/passwd', data: new Uint8Array(1) }])).toThrow(/Unsafe/);
  });
});

describe('container bundle of a real instance model', () => {
  let platform: LoadedModel;
  let image: Raster;
  let bundle: Uint8Array;
  let dir: string;
  const cleanup: string[] = [];

  beforeAll(async () => {
    const { model } = await nucleiInstanceModel();
    platform = await loadModel(model, { threads: 1 });
    image = readImage(await readBytes(BBBC039)).planes[0] as Raster;
    const { entries } = await buildBundleFiles({ model, modelName: 'Nuclei instances', version: 3 });
    bundle = writeBundle(entries, null);
    dir = await mkdtemp(path.join(os.tmpdir(), 'bundle-test-'));
    cleanup.push(dir);
  });
  afterAll(async () => {
    await platform.dispose();
    for (const d of cleanup) await rm(d, { recursive: true, force: true });
  });

  it('holds the Dockerfiles, the one-file runtime, the model, post-processing, README and a manifest with checksums', async () => {
    const names = readTarGz(bundle).map((e) => e.path).sort();
    expect(names).toEqual(['Dockerfile', 'Dockerfile.cuda', 'README.md', 'manifest.json', 'model-config.json', 'model.onnx', 'package.json', 'parity-report.json', 'postprocessing.json', 'runtime.cjs'].sort());
    const { checksumsMatch, manifest } = await unpackBundle(bundle, dir);
    expect(checksumsMatch).toBe(true);
    expect(manifest.model.type).toBe('SingleClassInstanceSegmentation');
    expect(manifest.runtime.onnxruntimeNode).toMatch(/^1\.\d+/);
    const docker = await readFile(path.join(dir, 'Dockerfile'), 'utf8');
    expect(docker).toMatch(/FROM node:20-bookworm-slim/);
    expect(docker).toMatch(/^USER node$/m);
    expect(await readFile(path.join(dir, 'Dockerfile.cuda'), 'utf8')).toMatch(/nvidia\/cuda/);
    expect(JSON.parse(await readFile(path.join(dir, 'postprocessing.json'), 'utf8'))).toMatchObject({ method: 'watershedDistance', minSize: 20 });
  });

  it('its runtime, run with Node from the unpacked folder on a BBBC039 image, gives labels identical to the platform', async () => {
    const out = path.join(dir, 'labels.tif');
    const objects = path.join(dir, 'objects.csv');
    const { stdout } = await run(process.execPath, [path.join(dir, BUNDLE_FILES.runtime), 'predict', '--input', BBBC039, '--output', out, '--objects', objects, '--threads', '1'], {
      env: { ...process.env, NODE_PATH: defaultNodePath() },
    });
    const mine = await runModelOnImage(platform, image);
    const theirs = readImage(await readBytes(out)).planes[0]!;
    expect(theirs.width).toBe(696);
    expect(mine.objectCount).toBeGreaterThan(50);
    expect(Buffer.from(theirs.data.buffer, theirs.data.byteOffset, theirs.data.byteLength).equals(
      Buffer.from(mine.labels.data.buffer, mine.labels.data.byteOffset, mine.labels.data.byteLength))).toBe(true);
    expect(JSON.parse(stdout).objectCount).toBe(mine.objectCount);
    expect((await readFile(objects, 'utf8')).trim().split('\n')).toHaveLength(mine.objectCount! + 1);
  });

  it('passes the parity check, and fails it when model.onnx is tampered with', async () => {
    const tiles: GoldenTile[] = [{ name: 'bbbc039', raster: image }];
    const input = { platform: await platformOutputs(platform, tiles), tiles, modelType: platform.type, goldenSet: 'test' };
    const ok = await checkBundleParity(bundle, input);
    expect(ok.passed).toBe(true);
    expect(ok.maxAbsProbDiff).toBe(0);
    expect(ok.labelAgreement).toBe(1);
    expect(ok.checksumsMatch).toBe(true);

    const entries = readTarGz(bundle).map((e) => (e.path === 'model.onnx' ? { ...e, data: tamperOnnx(e.data) } : e));
    const bad = await checkBundleParity(writeTarGz(entries), input);
    expect(bad.passed).toBe(false);
    expect(bad.checksumsMatch).toBe(false);
    expect(bad.maxAbsProbDiff).toBeGreaterThan(1e-3);
    expect(bad.failures.join()).toMatch(/probability/);
  });

  it('czann parity: the same file passes, a tampered one fails on the numbers alone', async () => {
    const { bytes, model } = await nucleiInstanceModel();
    const tiles: GoldenTile[] = [{ name: 'bbbc039', raster: image }];
    const input = { platform: await platformOutputs(platform, tiles), tiles, modelType: platform.type, goldenSet: 'test' };
    expect((await checkCzannParity(bytes, input)).passed).toBe(true);
    const { writeCzann } = await import('@tessera/czann');
    const tampered = writeCzann({ metadata: model.metadata, onnx: tamperOnnx(model.onnx) });
    const report = await checkCzannParity(tampered, input);
    expect(report.passed).toBe(false);
    expect(report.labelAgreement).toBeLessThan(0.9999);
  });

  it('the runtime serves GET /health and POST /predict', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [path.join(dir, BUNDLE_FILES.runtime), 'serve', '--port', '0', '--host', '127.0.0.1', '--threads', '1'], {
      env: { ...process.env, NODE_PATH: defaultNodePath() },
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => { const m = /:(\d+)/.exec(d.toString()); if (m) resolve(Number(m[1])); });
        child.once('exit', (c) => reject(new Error(`runtime exited ${c}`)));
      });
      const health = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
      expect(health).toMatchObject({ ok: true, type: 'SingleClassInstanceSegmentation' });
      const res = await fetch(`http://127.0.0.1:${port}/predict`, { method: 'POST', body: await readBytes(BBBC039) });
      const body = (await res.json()) as { objectCount: number; labels: string };
      expect(res.status).toBe(200);
      const mine = await runModelOnImage(platform, image);
      expect(body.objectCount).toBe(mine.objectCount);
      const labels = readImage(new Uint8Array(Buffer.from(body.labels, 'base64'))).planes[0]!;
      expect(Array.from(labels.data.slice(0, 5000))).toEqual(Array.from(mine.labels.data.slice(0, 5000)));
      await writeFile(path.join(dir, 'ignored'), '');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
