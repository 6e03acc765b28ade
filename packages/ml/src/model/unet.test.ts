import { describe, expect, it } from 'vitest';
import { value, type LayerContext } from '../graph/tape';
import type { Value } from '../graph/value';
import { softmaxCrossEntropy } from '../layers/losses';
import { gradCheck } from '../testing/grad-check';
import { createSession, floatTensor, scalar, type ort } from '../train/ort-session';
import { buildInferenceGraph } from './build-inference-graph';
import { buildTrainingGraph, io } from './build-training-graph';
import { countParams } from './params';
import { randomBatch, seededParams } from './test-fixtures';
import { unetForward, unetParamSpecs } from './unet';
import { UnetConfigSchema, unetFromPreset } from './unet-config';

const tiny = UnetConfigSchema.parse({ inChannels: 2, outChannels: 3, depth: 2, width: 3 });

describe('UNet', () => {
  it('small preset is the 116,753-parameter reference network', () => {
    expect(countParams(unetParamSpecs(unetFromPreset('small', 1, 1, 'sigmoid')))).toBe(116_753);
  });

  it('whole-network gradients (UNet + masked softmax CE) match finite differences', async () => {
    const specs = unetParamSpecs(tiny);
    const b = randomBatch(tiny, 2, 8, 8, 3);
    const r = await gradCheck(
      [
        { name: 'x', shape: [2, 2, 8, 8], requiresGrad: false, data: b.x },
        { name: 't', shape: [2, 3, 8, 8], requiresGrad: false, data: b.target },
        { name: 'm', shape: [2, 1, 8, 8], requiresGrad: false, data: b.mask },
        ...specs.map((s) => ({ name: s.name, shape: s.shape, requiresGrad: true, data: seededParams(tiny, 5).get(s.name) })),
      ],
      (ctx: LayerContext, [x, t, m, ...ps]: Value[]) => {
        const byName = new Map(specs.map((s, i) => [s.name, ps[i] as Value]));
        const logits = unetForward(ctx, x!, (n) => byName.get(n) as Value, tiny);
        const { loss, dLogits } = softmaxCrossEntropy(ctx.g, logits, t!.name, m!.name);
        const out = value(loss, [], true);
        ctx.tape?.record(() => ctx.tape?.addGrad(logits, ctx.g.op('Mul', [dLogits, ctx.tape.grad(out) as string])));
        return out;
      },
      { eps: 1e-3, probes: 3, floor: 1e-2 },
    );
    expect(r.probes).toBe(3 * specs.length);
    // Bias probes shift every pixel of a channel, so some ReLU crosses its kink within ±eps: a few 1e-4 of
    // absolute error. A wrong backward rule is off by O(1).
    expect(r.maxRelError).toBeLessThan(5e-2);
  });

  it('in-graph Adam / AdamW equals PyTorch\'s update rule applied to the graph\'s own gradients', async () => {
    const adam = { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01 };
    const tg = buildTrainingGraph(tiny, { batch: 1, height: 8, width: 8, adam, emitGrads: true });
    const s = await createSession(tg.bytes, { threads: 1 });
    const b = randomBatch(tiny, 1, 8, 8, 4);
    const params = seededParams(tiny, 6);
    const feeds: Record<string, ort.Tensor> = {
      x: floatTensor(b.x, [1, 2, 8, 8]), target: floatTensor(b.target, [1, 3, 8, 8]), mask: floatTensor(b.mask, [1, 1, 8, 8]),
      lr: scalar(0.01),
    };
    const specs = unetParamSpecs(tiny);
    const m = new Map(specs.map((sp) => [sp.name, new Float32Array(params.get(sp.name)!.length)]));
    const v = new Map(specs.map((sp) => [sp.name, new Float32Array(params.get(sp.name)!.length)]));
    for (let step = 1; step <= 2; step++) {
      feeds.step = scalar(step);
      for (const sp of specs) {
        feeds[io.param(sp.name)] = floatTensor(params.get(sp.name)!, sp.shape);
        feeds[io.m(sp.name)] = floatTensor(m.get(sp.name)!, sp.shape);
        feeds[io.v(sp.name)] = floatTensor(v.get(sp.name)!, sp.shape);
      }
      const out = await s.run(feeds);
      let maxErr = 0;
      for (const sp of specs) {
        const grad = out[io.grad(sp.name)]!.data as Float32Array;
        const p = params.get(sp.name)!, mm = m.get(sp.name)!, vv = v.get(sp.name)!;
        const got = out[io.newParam(sp.name)]!.data as Float32Array;
        for (let i = 0; i < p.length; i++) {
          const gi = grad[i]!;
          mm[i] = 0.9 * mm[i]! + 0.1 * gi;
          vv[i] = 0.999 * vv[i]! + 0.001 * gi * gi;
          const denom = Math.sqrt(vv[i]!) / Math.sqrt(1 - 0.999 ** step) + 1e-8;
          const expected = p[i]! * (1 - 0.01 * 0.01) - (0.01 / (1 - 0.9 ** step)) * (mm[i]! / denom);
          maxErr = Math.max(maxErr, Math.abs(expected - got[i]!));
        }
        params.set(sp.name, Float32Array.from(got));
        mm.set(out[io.newM(sp.name)]!.data as Float32Array);
        vv.set(out[io.newV(sp.name)]!.data as Float32Array);
      }
      expect(maxErr).toBeLessThan(1e-6);
    }
  });

  it('the exported inference model (NHWC, normalisation baked in, opset 12) equals the training forward to 1e-5', async () => {
    const n = 2, h = 16, w = 16, c = 2;
    const params = seededParams(tiny, 7);
    const norm = { offset: [0.1, 0.3], scale: [4, 2.5] };
    const inf = await createSession(buildInferenceGraph(tiny, params, { normalisation: norm }), { threads: 1 });
    const tr = await createSession(buildTrainingGraph(tiny, { batch: n, height: h, width: w, withoutOptimizer: true }).bytes, { threads: 1 });
    const raw = Float32Array.from({ length: n * h * w * c }, (_, i) => (Math.sin(i * 0.37) + 1) / 2);
    const nchw = new Float32Array(raw.length);
    for (let b = 0; b < n; b++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let ch = 0; ch < c; ch++) {
      const v = raw[((b * h + y) * w + x) * c + ch]!;
      nchw[((b * c + ch) * h + y) * w + x] = Math.fround(Math.fround(v - norm.offset[ch]!) * norm.scale[ch]!);
    }
    const feeds: Record<string, ort.Tensor> = {
      x: floatTensor(nchw, [n, c, h, w]), target: floatTensor(new Float32Array(n * 3 * h * w), [n, 3, h, w]),
      mask: floatTensor(new Float32Array(n * h * w), [n, 1, h, w]),
    };
    for (const sp of unetParamSpecs(tiny)) feeds[io.param(sp.name)] = floatTensor(params.get(sp.name)!, sp.shape);
    const probs = (await tr.run(feeds)).probs!.data as Float32Array;
    const out = await inf.run({ input: floatTensor(raw, [n, h, w, c]) });
    expect(out.output!.dims).toEqual([n, h, w, 3]);
    const o = out.output!.data as Float32Array;
    let maxErr = 0;
    for (let b = 0; b < n; b++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let k = 0; k < 3; k++) {
      maxErr = Math.max(maxErr, Math.abs(o[((b * h + y) * w + x) * 3 + k]! - probs[((b * 3 + k) * h + y) * w + x]!));
    }
    expect(maxErr).toBeLessThan(1e-5);
    expect(Math.abs(o[0]! + o[1]! + o[2]! - 1)).toBeLessThan(1e-6);
  });
});
