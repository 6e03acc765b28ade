import * as ort from 'onnxruntime-node';
import { calculateTiles2D } from '@tessera/tiling';
import { describe, expect, it } from 'vitest';
import { convNetModel } from '../test/onnx-builder';
import { loadModel } from './load-model';
import { predict } from './predict';
import type { Raster } from './types';

// 3 convs 3x3 -> receptive field radius 3; border 4 covers it.
const SEG = convNetModel({ inChannels: 3, layers: [{ out: 8, kernel: 3, relu: true }, { out: 8, kernel: 3, relu: true }, { out: 3, kernel: 3 }], softmax: true, seed: 7 });
const REG = convNetModel({ inChannels: 1, layers: [{ out: 4, kernel: 3, relu: true }, { out: 1, kernel: 3 }], seed: 3 });

function image(width: number, height: number, channels: number): Raster {
  const data = new Uint16Array(width * height * channels);
  for (let i = 0; i < data.length; i++) data[i] = (Math.sin(i * 0.37) * 0.5 + 0.5) * 60000 + ((i * 7919) % 5000);
  return { width, height, channels, dtype: 'uint16', data };
}

/** The model run once on the whole image (no tiling), inputs scaled like predict() does, BGR order. */
async function wholeImage(bytes: Uint8Array, img: Raster, bgr: boolean): Promise<Float32Array> {
  const s = await ort.InferenceSession.create(bytes);
  const x = new Float32Array(img.data.length);
  const C = img.channels;
  for (let p = 0; p < img.width * img.height; p++) {
    for (let c = 0; c < C; c++) x[p * C + c] = (img.data[p * C + (bgr && C >= 3 ? [2, 1, 0, 3][c]! : c)]! as number) / 65535;
  }
  const r = await s.run({ input: new ort.Tensor('float32', x, [1, img.height, img.width, C]) });
  return r.output!.data as Float32Array;
}

describe('tiled prediction', () => {
  it('equals the whole-image prediction when the border covers the receptive field; no seams', async () => {
    const img = image(301, 203, 3);
    const model = await loadModel(SEG, { type: 'MultiClassSemanticSegmentation' });
    const p = await predict(model, img, { tile: { h: 64, w: 64 }, border: 4, probabilities: true });
    const whole = await wholeImage(SEG, img, true);
    const prob = p.planes[0]!.probabilities!.data as Float32Array;
    let maxDiff = 0;
    for (let i = 0; i < whole.length; i++) maxDiff = Math.max(maxDiff, Math.abs(prob[i]! - whole[i]!));
    expect(maxDiff).toBeLessThan(1e-5);
    const labels = p.planes[0]!.labels!;
    expect(labels.dtype).toBe('uint8');
    for (let px = 0; px < 301 * 203; px += 97) {
      const s = [whole[px * 3]!, whole[px * 3 + 1]!, whole[px * 3 + 2]!];
      expect(labels.data[px]).toBe(s.indexOf(Math.max(...s)) + 1);
    }
    // exactly cztile's tiles of the whole image
    expect(p.stats.tiles).toBe(calculateTiles2D({ x: 0, y: 0, w: 301, h: 203 }, { tileWidth: 64, tileHeight: 64, minBorder: 4 }).length);
    // Without a border the tile edges see padding instead of neighbours: the comparison must then fail (seams).
    const seamy = await predict(model, img, { tile: { h: 64, w: 64 }, border: 0, probabilities: true });
    const sp = seamy.planes[0]!.probabilities!.data as Float32Array;
    let seamDiff = 0;
    for (let i = 0; i < whole.length; i++) seamDiff = Math.max(seamDiff, Math.abs(sp[i]! - whole[i]!));
    expect(seamDiff).toBeGreaterThan(1e-3);
  });

  it('predicts a region (viewport) with real neighbours: equal to the whole-image result there', async () => {
    const img = image(301, 203, 3);
    const model = await loadModel(SEG, { type: 'MultiClassSemanticSegmentation' });
    const region = { x: 37, y: 50, w: 150, h: 90 };
    const p = await predict(model, img, { tile: { h: 64, w: 64 }, border: 4, probabilities: true, region });
    const prob = p.planes[0]!.probabilities!;
    expect([prob.width, prob.height]).toEqual([150, 90]);
    const whole = await wholeImage(SEG, img, true);
    let maxDiff = 0;
    for (let y = 0; y < region.h; y++) {
      for (let x = 0; x < region.w; x++) {
        for (let c = 0; c < 3; c++) {
          const d = Math.abs(prob.data[(y * region.w + x) * 3 + c]! - whole[((y + region.y) * 301 + x + region.x) * 3 + c]!);
          maxDiff = Math.max(maxDiff, d);
        }
      }
    }
    expect(maxDiff).toBeLessThan(1e-5);
    await expect(predict(model, img, { region: { x: 200, y: 0, w: 200, h: 10 }, tile: { h: 64, w: 64 } })).rejects.toMatchObject({ code: 'OPTIONS_INVALID' });
  });

  it('gives the same result for any batch size, for bands, and for a region source', async () => {
    const img = image(250, 170, 1);
    const model = await loadModel(REG);
    const base = await predict(model, img, { tile: { h: 48, w: 64 }, border: 3, batchSize: 1 });
    const batched = await predict(model, img, { tile: { h: 48, w: 64 }, border: 3, batchSize: 5 });
    expect(base.type).toBe('Regression');
    expect(batched.planes[0]!.values!.data).toEqual(base.planes[0]!.values!.data);
    expect(batched.stats.batches).toBeLessThan(base.stats.batches);
    const bandOut = new Float32Array(250 * 170);
    const reads: number[] = [];
    const src = {
      width: 250, height: 170, channels: 1, dtype: 'uint16' as const,
      readRegion: (r: { x: number; y: number; w: number; h: number }) => {
        reads.push(r.h);
        return { width: r.w, height: r.h, channels: 1, dtype: 'uint16' as const, data: img.data.subarray(r.y * 250, (r.y + r.h) * 250) };
      },
    };
    const banded = await predict(model, src, {
      tile: { h: 48, w: 64 }, border: 3, keepOutputs: false,
      onBand: (_plane, y, o) => { bandOut.set(o.values!.data as Float32Array, y * 250); },
    });
    expect(banded.planes[0]!.values).toBeUndefined();
    expect(bandOut).toEqual(base.planes[0]!.values!.data);
    expect(Math.max(...reads)).toBe(48); // never more than one tile row read at once
    const whole = await wholeImage(REG, img, false);
    let d = 0;
    for (let i = 0; i < whole.length; i++) d = Math.max(d, Math.abs(whole[i]! - (base.planes[0]!.values!.data[i] as number)));
    expect(d).toBeLessThan(1e-5);
    const cast = await predict(model, img, { tile: { h: 48, w: 64 }, border: 3, regressionOutput: 'input' });
    const v = cast.planes[0]!.values!;
    expect(v.dtype).toBe('uint16');
    expect(v.data[1234]).toBe(Math.min(65535, Math.max(0, Math.round(whole[1234]! * 65535))));
  });

  it('applies min confidence, runs stacks and channels plane by plane, reports progress, can be cancelled', async () => {
    const model = await loadModel(SEG, { type: 'MultiClassSemanticSegmentation' });
    const img = image(120, 90, 3);
    const strict = await predict(model, img, { tile: { h: 64, w: 64 }, border: 4, minConfidence: 0.99, probabilities: true });
    const pr = strict.planes[0]!.probabilities!.data as Float32Array;
    for (let px = 0; px < 120 * 90; px += 31) {
      const top = Math.max(pr[px * 3]!, pr[px * 3 + 1]!, pr[px * 3 + 2]!);
      if (top < 0.99) expect(strict.planes[0]!.labels!.data[px]).toBe(0);
      else expect(strict.planes[0]!.labels!.data[px]).toBeGreaterThan(0);
    }
    const stack = { width: 120, height: 90, sizeC: 3, sizeZ: 2, sizeT: 2, dtype: 'uint16' as const, planes: [img, img, img, img] };
    const progress: number[] = [];
    const ps = await predict(model, stack, { tile: { h: 64, w: 64 }, border: 4, onProgress: (p) => progress.push(p.tilesDone / p.tilesTotal) });
    expect(ps.planes.map((p) => p.plane)).toEqual([0, 1, 2, 3]);
    expect(ps.planes[3]!.labels!.data).toEqual(ps.planes[0]!.labels!.data);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    const reg = await loadModel(REG);
    const split = await predict(reg, image(80, 60, 2), { tile: { h: 32, w: 32 }, border: 3 });
    expect(split.planes.map((p) => p.channel)).toEqual([0, 1]);
    const ctl = new AbortController();
    const run = predict(model, image(400, 400, 3), { tile: { h: 64, w: 64 }, border: 4, batchSize: 1, signal: ctl.signal,
      onProgress: (p) => { if (p.tilesDone >= 2) ctl.abort(); } });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(predict(model, image(20, 20, 2))).rejects.toMatchObject({ code: 'CHANNEL_MISMATCH' });
  });
});
