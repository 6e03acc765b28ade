import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { convNetModel } from '../test/onnx-builder';
import { CZANN_DIR } from '../test/bbbc039';
import { loadModel } from './load-model';
import { clearModelCache, getModel } from './model-cache';
import { predict } from './predict';
import { labelDType } from './types';

afterAll(() => clearModelCache());

it('opens a bare .onnx path, infers its shape from the graph, and reuses one session per source', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-onnx-'));
  const path = join(dir, 'm.onnx');
  writeFileSync(path, convNetModel({ inChannels: 2, layers: [{ out: 3, kernel: 1 }], softmax: true, tile: [16, 24] }));
  const a = await getModel(path);
  expect(a.format).toBe('onnx');
  expect([a.tileHeight, a.tileWidth, a.inChannels, a.outChannels, a.batchSymbolic]).toEqual([16, 24, 2, 3, true]);
  expect(a.type).toBe('MultiClassSemanticSegmentation');
  expect(await getModel(path)).toBe(a); // same LoadedModel, same session
  const czann = join(CZANN_DIR, 'napari_simple_nuclei_segmodel.czann');
  const b = await getModel(czann);
  expect(await getModel(czann)).toBe(b);
  expect(b.batchSymbolic).toBe(true);
  const img = { width: 40, height: 30, channels: 2, dtype: 'uint8' as const, data: new Uint8Array(2400).map((_, i) => i % 251) };
  const p = await predict(path, img, { border: 2 });
  expect(p.planes[0]!.labels!.width).toBe(40);
  expect(p.stats.tiles).toBe(6); // cztile: 40 in 24-long tiles (border 2) -> 2; 30 in 16-long tiles -> 3
});

it('picks the smallest label dtype and rejects what it cannot run', async () => {
  expect([labelDType(255), labelDType(256), labelDType(65535), labelDType(65536)]).toEqual(['uint8', 'uint16', 'uint16', 'uint32']);
  await expect(loadModel(new Uint8Array([1, 2, 3, 4]))).rejects.toMatchObject({ code: 'MODEL_INVALID' });
  await expect(loadModel(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).rejects.toMatchObject({ code: 'MODEL_INVALID' });
});
