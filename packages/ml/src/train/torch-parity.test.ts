import { describe, expect, it } from 'vitest';
import { seededParams, randomBatch } from '../model/test-fixtures';
import { UnetConfigSchema } from '../model/unet-config';
import { AdamConfigSchema } from '../optim/adam';
import { runFixedBatch } from './fixed-batch-runner';
import { runTorchReference, torchAvailable } from './torch-reference';

interface Curve { losses: number[]; grads: number[]; params: number[] }

const cases = [
  { name: 'softmax CE, partial mask, Adam', model: { inChannels: 2, outChannels: 3, depth: 2, width: 4 }, adam: {} },
  { name: 'sigmoid BCE, AdamW', model: { inChannels: 1, outChannels: 1, depth: 1, width: 4, head: 'sigmoid' }, adam: { weightDecay: 0.05 } },
  {
    name: 'softmax CE, group norm (torch.nn.GroupNorm, 2 groups), AdamW',
    model: { inChannels: 2, outChannels: 3, depth: 2, width: 4, norm: 'group', normGroups: 2 }, adam: { weightDecay: 0.01 },
  },
  {
    name: 'sigmoid BCE, group norm (default groups: 4 and 8), Adam',
    model: { inChannels: 1, outChannels: 1, depth: 1, width: 4, head: 'sigmoid', norm: 'group' }, adam: {},
  },
] as const;

describe.skipIf(!torchAvailable())('whole training step against PyTorch autograd + torch.optim (Debian python3-torch)', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const model = UnetConfigSchema.parse(c.model);
      const adam = AdamConfigSchema.parse(c.adam);
      const n = 2, h = 16, w = 16, steps = 10, lr = 1e-3;
      const params = seededParams(model, 21);
      const batch = randomBatch(model, n, h, w, 22);
      const ours = await runFixedBatch(model, params, batch, { batch: n, height: h, width: w, steps, lr, adam, grads: true, execution: { threads: 1 } });
      const ref = runTorchReference<Curve>('curve', { model, batch: n, height: h, width: w, lr, adam, steps, threads: 1 }, params, batch);
      // Loss curves agree.
      ours.losses.forEach((l, i) => expect(Math.abs(l - ref.losses[i]!)).toBeLessThan(1e-5 * Math.max(1, Math.abs(l))));
      // First-step gradients agree (relative to the largest gradient).
      const g = ours.grads!;
      const scale = Math.max(...ref.grads.map(Math.abs));
      let maxErr = 0;
      for (let i = 0; i < g.length; i++) maxErr = Math.max(maxErr, Math.abs(g[i]! - ref.grads[i]!));
      expect(g.length).toBe(ref.grads.length);
      expect(maxErr / scale).toBeLessThan(1e-5);
    }, 60_000);
  }
});
