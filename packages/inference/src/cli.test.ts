import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readImage } from '@tessera/imaging';
import { expect, it } from 'vitest';
import { CZANN_DIR, NUCLEI_DIR, nucleiNames } from '../test/bbbc039';
import { runCli } from './cli';

it('tessera-predict writes labels, probabilities, instances and the object table', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-predict-'));
  const out: string[] = [];
  const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => out.push(s), isTTY: false };
  const input = join(NUCLEI_DIR, 'images', `${nucleiNames()[0]}.tif`);
  const model = join(CZANN_DIR, 'napari_simple_nuclei_segmodel.czann');
  const code = await runCli(['--model', model, '--input', input, '--output', join(dir, 'inst.tif'), '--probabilities', join(dir, 'p.tif'),
    '--instances', '--objects', join(dir, 'o.csv'), '--min-confidence', '0.6', '--threads', '1'], io);
  expect(code, out.join('')).toBe(0);
  const inst = readImage(new Uint8Array(readFileSync(join(dir, 'inst.tif'))));
  expect([inst.width, inst.height]).toEqual([696, 520]);
  const nObjects = Number(/(\d+) objects/.exec(out.join(''))?.[1]);
  expect(nObjects).toBeGreaterThan(50);
  expect(Array.from(inst.planes[0]!.data).reduce((a, b) => Math.max(a, b), 0)).toBe(nObjects);
  const probs = readImage(new Uint8Array(readFileSync(join(dir, 'p.tif'))));
  expect([probs.sizeC, probs.dtype]).toEqual([2, 'float32']);
  expect(readFileSync(join(dir, 'o.csv'), 'utf8').trim().split('\n')).toHaveLength(nObjects + 1);
  const png = join(dir, 'labels.png');
  expect(await runCli(['--model', model, '--input', input, '--output', png, '--tile', '1024,1024', '--border', '16'], io), out.join('')).toBe(0);
  const labels = readImage(new Uint8Array(readFileSync(png))).planes[0]!;
  expect(new Set(labels.data)).toEqual(new Set([1, 2]));
  expect(await runCli(['--model', model], io)).toBe(2);
  out.length = 0;
  expect(await runCli(['--model', model, '--input', input, '--output', png, '--tile', '256,256'], io)).toBe(1);
  expect(out.join('')).toContain("[OPTIONS_INVALID] This model's ONNX graph takes 1024 x 1024 tiles; 256 x 256 was asked for.");
  expect(await runCli(['--model', join(dir, 'missing.czann'), '--input', input, '--output', png], io)).toBe(1);
});
