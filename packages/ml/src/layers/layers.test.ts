import { describe, expect, it } from 'vitest';
import { gradCheck } from '../testing/grad-check';
import { conv2d } from './conv';
import { convTranspose2x2 } from './conv-transpose';
import { add, concatChannels, relu } from './elementwise';
import { maxPool2x2 } from './max-pool';

const TOL = 2e-3;

describe('per-rule gradients against finite differences (onnxruntime)', () => {
  for (const convGradW of ['im2col', 'taps'] as const) {
    it(`conv 3×3 with bias: dX, dW (${convGradW}), dB`, async () => {
      const r = await gradCheck(
        [
          { name: 'x', shape: [2, 3, 5, 6], requiresGrad: true },
          { name: 'w', shape: [4, 3, 3, 3], requiresGrad: true },
          { name: 'b', shape: [4], requiresGrad: true },
        ],
        (ctx, [x, w, b]) => conv2d({ ...ctx, options: { convGradW } }, x!, { w: w!, b: b! }),
      );
      expect(r.probes).toBe(36);
      expect(r.maxRelError).toBeLessThan(TOL);
    });
  }

  it('conv 1×1 with bias, batch 1', async () => {
    const r = await gradCheck(
      [
        { name: 'x', shape: [1, 3, 4, 4], requiresGrad: true },
        { name: 'w', shape: [2, 3, 1, 1], requiresGrad: true },
        { name: 'b', shape: [2], requiresGrad: true },
      ],
      (ctx, [x, w, b]) => conv2d(ctx, x!, { w: w!, b: b! }),
    );
    expect(r.maxRelError).toBeLessThan(TOL);
  });

  it('conv-transpose 2×2 stride 2', async () => {
    const r = await gradCheck(
      [
        { name: 'x', shape: [2, 3, 3, 4], requiresGrad: true },
        { name: 'w', shape: [3, 2, 2, 2], requiresGrad: true },
        { name: 'b', shape: [2], requiresGrad: true },
      ],
      (ctx, [x, w, b]) => convTranspose2x2(ctx, x!, { w: w!, b: b! }),
    );
    expect(r.maxRelError).toBeLessThan(TOL);
  });

  it('max-pool 2×2 (MaxUnpool backward) and ReLU', async () => {
    const pool = await gradCheck([{ name: 'x', shape: [2, 2, 6, 4], requiresGrad: true }], (ctx, [x]) => maxPool2x2(ctx, x!), { eps: 1e-3 });
    expect(pool.maxRelError).toBeLessThan(TOL);
    const r = await gradCheck([{ name: 'x', shape: [1, 2, 5, 5], requiresGrad: true }], (ctx, [x]) => relu(ctx, x!), { eps: 1e-3 });
    expect(r.maxRelError).toBeLessThan(TOL);
  });

  it('concat skip and add: gradients split and accumulate', async () => {
    const r = await gradCheck(
      [
        { name: 'a', shape: [1, 2, 3, 3], requiresGrad: true },
        { name: 'b', shape: [1, 3, 3, 3], requiresGrad: true },
      ],
      // b reaches the output twice (through the concat and through the add), so its gradient is a sum.
      (ctx, [a, b]) => {
        const cat = concatChannels(ctx, [a!, b!]);
        const b2 = concatChannels(ctx, [b!, a!]);
        return add(ctx, cat, b2);
      },
    );
    expect(r.maxRelError).toBeLessThan(TOL);
  });

  it('a conv → relu → pool → conv-transpose → concat chain', async () => {
    const r = await gradCheck(
      [
        { name: 'x', shape: [1, 2, 4, 4], requiresGrad: false },
        { name: 'w1', shape: [3, 2, 3, 3], requiresGrad: true },
        { name: 'b1', shape: [3], requiresGrad: true },
        { name: 'wt', shape: [3, 2, 2, 2], requiresGrad: true },
        { name: 'bt', shape: [2], requiresGrad: true },
      ],
      (ctx, [x, w1, b1, wt, bt]) => {
        const h = relu(ctx, conv2d(ctx, x!, { w: w1!, b: b1! }));
        const up = convTranspose2x2(ctx, maxPool2x2(ctx, h), { w: wt!, b: bt! });
        return concatChannels(ctx, [up, h]);
      },
      { eps: 2e-3, probes: 30, floor: 0.1 },
    );
    // Float32 finite differences through a kinked chain are noisier than the single rules.
    expect(r.maxRelError).toBeLessThan(1e-2);
  });
});
