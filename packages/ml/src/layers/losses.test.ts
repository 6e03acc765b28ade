import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../graph/graph-builder';
import { value, type LayerContext } from '../graph/tape';
import type { Value } from '../graph/value';
import { createSession, floatTensor } from '../train/ort-session';
import { gradCheck } from '../testing/grad-check';
import { softDice } from './dice';
import { sigmoidBinaryCrossEntropy, softmaxCrossEntropy, type LossOutput } from './losses';

type LossFn = (g: GraphBuilder, logits: Value, target: string, mask: string) => LossOutput;

/** Wraps a loss as a layer so the finite-difference harness can check dLogits. */
function lossLayer(fn: LossFn) {
  return (ctx: LayerContext, [z, t, m]: Value[]): Value => {
    const { loss, dLogits } = fn(ctx.g, z!, t!.name, m!.name);
    const out = value(loss, [], true);
    ctx.tape?.record(() => {
      const d = ctx.tape?.grad(out);
      if (d !== undefined) ctx.tape?.addGrad(z!, ctx.g.op('Mul', [dLogits, d]));
    });
    return out;
  };
}

const N = 2, K = 3, H = 3, W = 4, P = H * W;
/** One-hot targets and a mask that leaves every third pixel unlabelled and weights class 2 by 3. */
function labels(): { target: Float32Array; mask: Float32Array; cls: number[] } {
  const target = new Float32Array(N * K * P);
  const mask = new Float32Array(N * P);
  const cls: number[] = [];
  for (let n = 0; n < N; n++) {
    for (let p = 0; p < P; p++) {
      const c = (n * 7 + p * 5) % K;
      cls.push(c);
      target[(n * K + c) * P + p] = 1;
      mask[n * P + p] = p % 3 === 0 ? 0 : c === 2 ? 3 : 1;
    }
  }
  return { target, mask, cls };
}

describe('losses', () => {
  it('softmax cross-entropy: dLogits matches finite differences with a partial, class-weighted mask', async () => {
    const { target, mask } = labels();
    const r = await gradCheck([
      { name: 'z', shape: [N, K, H, W], requiresGrad: true },
      { name: 't', shape: [N, K, H, W], requiresGrad: false, data: target },
      { name: 'm', shape: [N, 1, H, W], requiresGrad: false, data: mask },
    ], lossLayer(softmaxCrossEntropy), { eps: 1e-2, probes: 24, floor: 1e-3 });
    expect(r.maxRelError).toBeLessThan(5e-3);
  });

  it('softmax cross-entropy: value is the weighted mean over labelled pixels only', async () => {
    const { target, mask, cls } = labels();
    const g = new GraphBuilder();
    const z = value(g.input('z', [N, K, H, W]), [N, K, H, W], true);
    const out = softmaxCrossEntropy(g, z, g.input('t', [N, K, H, W]), g.input('m', [N, 1, H, W]));
    g.op('Identity', [out.loss], {}, 'loss');
    g.output('loss', []);
    g.op('Identity', [out.dLogits], {}, 'dz');
    g.output('dz', [N, K, H, W]);
    const s = await createSession(g.toBytes({ opset: 15 }), { threads: 1 });
    const zData = Float32Array.from({ length: N * K * P }, (_, i) => Math.sin(i * 1.7) * 2);
    const res = await s.run({ z: floatTensor(zData, [N, K, H, W]), t: floatTensor(target, [N, K, H, W]), m: floatTensor(mask, [N, 1, H, W]) });
    let num = 0, den = 0;
    for (let n = 0; n < N; n++) {
      for (let p = 0; p < P; p++) {
        const zs = [0, 1, 2].map((k) => zData[(n * K + k) * P + p] as number);
        const lse = Math.log(zs.reduce((a, v) => a + Math.exp(v), 0));
        const w = mask[n * P + p] as number;
        num += w * (lse - (zs[cls[n * P + p] as number] as number));
        den += w;
      }
    }
    expect(Number(res.loss?.data[0])).toBeCloseTo(num / den, 5);
    const dz = res.dz?.data as Float32Array;
    for (let k = 0; k < K; k++) expect(Math.abs(dz[k * P] as number)).toBe(0); // pixel 0 is unlabelled: no gradient
  });

  it('sigmoid + BCE: dLogits matches finite differences', async () => {
    const target = Float32Array.from({ length: N * 1 * P }, (_, i) => (i % 2));
    const mask = Float32Array.from({ length: N * P }, (_, i) => (i % 5 === 0 ? 0 : 1));
    const r = await gradCheck([
      { name: 'z', shape: [N, 1, H, W], requiresGrad: true },
      { name: 't', shape: [N, 1, H, W], requiresGrad: false, data: target },
      { name: 'm', shape: [N, 1, H, W], requiresGrad: false, data: mask },
    ], lossLayer(sigmoidBinaryCrossEntropy), { eps: 1e-2, probes: 24, floor: 1e-3 });
    expect(r.maxRelError).toBeLessThan(5e-3);
  });

  it('soft Dice (through the softmax): dLogits matches finite differences', async () => {
    const { target, mask } = labels();
    const dice: LossFn = (g, z, t, m) => {
      const probs = g.op('Softmax', [z.name], { axis: 1 });
      return { ...softDice(g, probs, t, m, K), probs };
    };
    const r = await gradCheck([
      { name: 'z', shape: [N, K, H, W], requiresGrad: true },
      { name: 't', shape: [N, K, H, W], requiresGrad: false, data: target },
      { name: 'm', shape: [N, 1, H, W], requiresGrad: false, data: mask },
    ], lossLayer(dice), { eps: 1e-2, probes: 24, floor: 1e-3 });
    expect(r.maxRelError).toBeLessThan(5e-3);
  });
});
