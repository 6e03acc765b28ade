import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../graph/graph-builder';
import { value } from '../graph/tape';
import { createSession, floatTensor } from '../train/ort-session';
import { gradCheck } from '../testing/grad-check';
import { conv2d } from './conv';
import { relu } from './elementwise';
import { groupNorm } from './norm';

const TOL = 2e-3;

describe('group normalisation: gradients against finite differences (onnxruntime)', () => {
  for (const groups of [1, 2, 4]) {
    it(`groupNorm, ${groups} group(s) of 4 channels: dX, dγ, dβ`, async () => {
      const r = await gradCheck(
        [
          { name: 'x', shape: [2, 4, 3, 5], requiresGrad: true },
          { name: 'gamma', shape: [4], requiresGrad: true },
          { name: 'beta', shape: [4], requiresGrad: true },
        ],
        (ctx, [x, gamma, beta]) => groupNorm(ctx, x!, { gamma: gamma!, beta: beta!, groups }),
        // Float32 central differences of L carry ~1e-4 absolute noise (even β, where L is linear), so gradients
        // near zero are compared against a 0.05 floor rather than 0.01.
        { floor: 0.05 },
      );
      expect(r.probes).toBe(36);
      expect(r.maxRelError).toBeLessThan(TOL);
    });
  }

  it('conv → groupNorm → relu chain, batch 1', async () => {
    const r = await gradCheck(
      [
        { name: 'x', shape: [1, 2, 4, 4], requiresGrad: true },
        { name: 'w', shape: [4, 2, 3, 3], requiresGrad: true },
        { name: 'b', shape: [4], requiresGrad: true },
        { name: 'gamma', shape: [4], requiresGrad: true },
        { name: 'beta', shape: [4], requiresGrad: true },
      ],
      (ctx, [x, w, b, gamma, beta]) =>
        relu(ctx, groupNorm(ctx, conv2d(ctx, x!, { w: w!, b: b! }), { gamma: gamma!, beta: beta!, groups: 2 })),
      { eps: 2e-3, probes: 30, floor: 0.1 },
    );
    // Float32 finite differences through a kinked chain are noisier than the single rules.
    expect(r.maxRelError).toBeLessThan(1e-2);
  });

  it('rejects a group count that does not divide the channels', async () => {
    await expect(gradCheck(
      [
        { name: 'x', shape: [1, 3, 2, 2], requiresGrad: true },
        { name: 'gamma', shape: [3], requiresGrad: true },
        { name: 'beta', shape: [3], requiresGrad: true },
      ],
      (ctx, [x, gamma, beta]) => groupNorm(ctx, x!, { gamma: gamma!, beta: beta!, groups: 2 }),
    )).rejects.toThrow(/do not divide/);
  });

  it('forward (no tape) runs at inference opset 12 and matches a plain reference', async () => {
    const [n, c, h, w, groups] = [2, 4, 2, 3, 2];
    const g = new GraphBuilder('gn');
    const x = value(g.input('x', [n, c, h, w]), [n, c, h, w], false);
    const gamma = value(g.initializer('gamma', Float32Array.from([1, -2, 0.5, 3]), [c]), [c], false);
    const beta = value(g.initializer('beta', Float32Array.from([0, 1, -1, 2]), [c]), [c], false);
    const y = groupNorm({ g, tape: null }, x, { gamma, beta, groups });
    g.op('Identity', [y.name], {}, 'y');
    g.output('y', [n, c, h, w]);
    const xs = Float32Array.from({ length: n * c * h * w }, (_, i) => Math.sin(i * 1.3) * 2 + (i % 5));
    const session = await createSession(g.toBytes({ opset: 12 }), { threads: 1 });
    const got = (await session.run({ x: floatTensor(xs, [n, c, h, w]) })).y?.data as Float32Array;
    await session.release();
    const per = (c / groups) * h * w;
    const gam = [1, -2, 0.5, 3], bet = [0, 1, -1, 2];
    let maxErr = 0;
    for (let s = 0; s < n * groups; s++) {
      const vals = Array.from(xs.subarray(s * per, (s + 1) * per));
      const mu = vals.reduce((a, b) => a + b, 0) / per;
      const sd = Math.sqrt(vals.reduce((a, b) => a + (b - mu) ** 2, 0) / per + 1e-5);
      vals.forEach((v, k) => {
        const ch = (Math.floor(s % groups) * (c / groups)) + Math.floor(k / (h * w));
        const ref = ((v - mu) / sd) * (gam[ch] as number) + (bet[ch] as number);
        maxErr = Math.max(maxErr, Math.abs((got[s * per + k] as number) - ref));
      });
    }
    expect(maxErr).toBeLessThan(1e-5);
  });
});
