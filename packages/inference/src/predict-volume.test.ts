import * as ort from 'onnxruntime-node';
import { expect, it } from 'vitest';
import { conv3dModel } from '../test/onnx-builder';
import { loadModel } from './load-model';
import { predict } from './predict';
import type { Raster } from './types';

it('a 3D model tiled in x, y and z equals the whole-volume prediction (border covers the receptive field)', async () => {
  const onnx = conv3dModel({ inChannels: 1, layers: [{ out: 4, kernel: 3, relu: true }, { out: 1, kernel: 3 }], seed: 11 });
  // A .czann-style 3D model: InputShape [z, h, w, c], MinOverlap [z, h, w] (total; per side = half).
  const model = await loadModel({ format: 'czann', onnx, metadata: {
    type: 'Regression', inputShape: [6, 32, 32, 1], outputShape: [6, 32, 32, 1], minOverlap: [4, 4, 4], extra: {} } });
  expect(model.is3D).toBe(true);
  expect(model.border).toEqual({ z: 2, y: 2, x: 2 }); // two 3x3x3 convs: receptive radius 2
  const W = 70, H = 50, D = 13, T = 2;
  const planes: Raster[] = [];
  for (let p = 0; p < D * T; p++) {
    planes.push({ width: W, height: H, channels: 1, dtype: 'uint8',
      data: Uint8Array.from({ length: W * H }, (_, i) => (Math.sin(i * 0.13 + p * 0.7) * 0.5 + 0.5) * 255) });
  }
  const stack = { width: W, height: H, sizeC: 1, sizeZ: D, sizeT: T, dtype: 'uint8' as const, planes };
  const progress: number[] = [];
  const p = await predict(model, stack, { batchSize: 3, onProgress: (e) => progress.push(e.tilesDone / e.tilesTotal) });
  expect(p.planes.map((x) => x.plane)).toEqual(Array.from({ length: D * T }, (_, i) => i));
  expect(progress.at(-1)).toBe(1);
  const session = await ort.InferenceSession.create(onnx);
  for (let t = 0; t < T; t++) {
    const x = new Float32Array(D * H * W);
    for (let z = 0; z < D; z++) x.set(Float32Array.from(planes[t * D + z]!.data, (v) => v / 255), z * H * W);
    const whole = (await session.run({ input: new ort.Tensor('float32', x, [1, D, H, W, 1]) })).output!.data as Float32Array;
    let maxDiff = 0;
    for (let z = 0; z < D; z++) {
      const v = p.planes[t * D + z]!.values!.data;
      for (let i = 0; i < H * W; i++) maxDiff = Math.max(maxDiff, Math.abs(v[i]! - whole[z * H * W + i]!));
    }
    expect(maxDiff).toBeLessThan(1e-5);
  }
  // With no border in z the tiles see padding instead of their z-neighbours: the equality must break.
  const noZ = await predict(model, stack, { border: { z: 0, y: 2, x: 2 } });
  const x = new Float32Array(D * H * W);
  for (let z = 0; z < D; z++) x.set(Float32Array.from(planes[z]!.data, (v) => v / 255), z * H * W);
  const whole = (await session.run({ input: new ort.Tensor('float32', x, [1, D, H, W, 1]) })).output!.data as Float32Array;
  let diff = 0;
  for (let z = 0; z < D; z++) for (let i = 0; i < H * W; i++) diff = Math.max(diff, Math.abs(noZ.planes[z]!.values!.data[i]! - whole[z * H * W + i]!));
  expect(diff).toBeGreaterThan(1e-3);
});
