import { describe, expect, it } from 'vitest';
import { value, type LayerContext } from '../graph/tape';
import type { Value } from '../graph/value';
import { softmaxCrossEntropy } from '../layers/losses';
import { gradCheck } from '../testing/grad-check';
import { createSession, floatTensor, scalar, type ort } from '../train/ort-session';
import { buildInferenceGraph } from './build-inference-graph';
import { buildTrainingGraph, io } from './build-training-graph';
import { countParams, type ParamSet } from './params';
import { randomBatch, seededParams } from './test-fixtures';
import { unetForward, unetParamSpecs } from './unet';
import { normGroupsFor, UnetConfigSchema, unetFromPreset } from './unet-config';

const tiny = UnetConfigSchema.parse({ inChannels: 2, outChannels: 3, depth: 2, width: 3 });
const tinyGroup = UnetConfigSchema.parse({ inChannels: 2, outChannels: 3, depth: 2, width: 4, norm: 'group', normGroups: 2 });
const variants = [['no normalisation', tiny], ['group norm', tinyGroup]] as const;

/** Moves GroupNorm γ / β off their 1 / 0 start so that tests see the affine (no-op without group norm). */
function perturbNorm(params: ParamSet): ParamSet {
  for (const [name, data] of params) {
    if (name.endsWith('.gamma')) data.forEach((_, i) => { data[i] = 1 + 0.3 * Math.sin(i + 1); });
    if (name.endsWith('.beta')) data.forEach((_, i) => { data[i] = 0.2 * Math.cos(i + 1); });
  }
  return params;
}

describe('UNet', () => {
  it('small preset is the 116,753-parameter reference network', () => {
    expect(countParams(unetParamSpecs(unetFromPreset('small', 1, 1, 'sigmoid')))).toBe(116_753);
  });

  it('group norm: 3×3 blocks trade their bias for γ = 1 / β = 0; groups are the largest divisor ≤ normGroups', () => {
    const cfg = UnetConfigSchema.parse({ ...unetFromPreset('small', 1, 1, 'sigmoid'), norm: 'group' });
    const specs = unetParamSpecs(cfg);
    const names = specs.map((s) => s.name);
    expect(names.slice(0, 4)).toEqual(['down0.conv0.w', 'down0.conv0.gamma', 'down0.conv0.beta', 'down0.conv1.w']);
    expect(names.filter((n) => n.endsWith('.b'))).toEqual(['up1.tconv.b', 'up0.tconv.b', 'head.b']);
    // Ten 3×3 blocks: each drops a bias of C and adds γ and β of C (C = 16, 16, 32, 32, 64, 64, 32, 32, 16, 16).
    expect(countParams(specs)).toBe(116_753 + 320);
    const params = seededParams(cfg, 1);
    expect([...params.get('up0.conv1.gamma')!]).toEqual(new Array(16).fill(1));
    expect([...params.get('up0.conv1.beta')!]).toEqual(new Array(16).fill(0));
    expect([16, 24, 6, 3, 1].map((c) => normGroupsFor(cfg, c))).toEqual([8, 8, 6, 3, 1]);
    expect(normGroupsFor({ ...cfg, normGroups: 32 }, 48)).toBe(24);
  });

  for (const [label, cfg] of variants) it(`whole-network gradients (UNet, ${label}, + masked softmax CE) match finite differences`, async () => {
    const specs = unetParamSpecs(cfg);
    const b = randomBatch(cfg, 2, 8, 8, 3);
    const init = perturbNorm(seededParams(cfg, 5));
    const r = await gradCheck(
      [
        { name: 'x', shape: [2, 2, 8, 8], requiresGrad: false, data: b.x },
        { name: 't', shape: [2, 3, 8, 8], requiresGrad: false, data: b.target },
        { name: 'm', shape: [2, 1, 8, 8], requiresGrad: false, data: b.mask },
        ...specs.map((s) => ({ name: s.name, shape: s.shape, requiresGrad: true, data: init.get(s.name) })),
      ],
      (ctx: LayerContext, [x, t, m, ...ps]: Value[]) => {
        const byName = new Map(specs.map((s, i) => [s.name, ps[i] as Value]));
        const logits = unetForward(ctx, x!, (n) => byName.get(n) as Value, cfg);
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

  for (const [label, cfg] of variants) it(`the exported inference model (${label}; NHWC, normalisation baked in, opset 12) equals the training forward to 1e-5`, async () => {
    const n = 2, h = 16, w = 16, c = 2;
    const params = perturbNorm(seededParams(cfg, 7));
    const norm = { offset: [0.1, 0.3], scale: [4, 2.5] };
    const inf = await createSession(buildInferenceGraph(cfg, params, { normalisation: norm }), { threads: 1 });
    const tr = await createSession(buildTrainingGraph(cfg, { batch: n, height: h, width: w, withoutOptimizer: true }).bytes, { threads: 1 });
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
    for (const sp of unetParamSpecs(cfg)) feeds[io.param(sp.name)] = floatTensor(params.get(sp.name)!, sp.shape);
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
