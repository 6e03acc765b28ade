import { describe, expect, it } from 'vitest';
import { createSession, floatTensor } from './ort-session';
import { syntheticDisks } from './synthetic-data';
import { Trainer } from './trainer';
import type { FitProgress } from './fit';

const config = {
  model: { inChannels: 1, outChannels: 2, depth: 2, width: 4 },
  batch: 2, patch: 32, lr: 1e-2, seed: 5, execution: { threads: 1 },
};
const train = [syntheticDisks(64, 1), syntheticDisks(64, 2)];

describe('Trainer (worker thread)', () => {
  it('trains in a worker, reports progress, checkpoints, restores and exports', async () => {
    const t = await Trainer.start(config, train, [syntheticDisks(48, 3, 1)]);
    try {
      expect(t.info.perImageNormalisation).toHaveLength(2);
      expect(t.info.normalisation.scale[0]).toBeGreaterThan(1);
      const progress: FitProgress[] = [];
      // The caller's event loop stays free while the worker trains.
      let ticks = 0;
      const timer = setInterval(() => ticks++, 1);
      const res = await t.fit({ steps: 20, validateEvery: 10 }, (p) => progress.push(p));
      clearInterval(timer);
      expect(res.stoppedBy).toBe('steps');
      expect(progress.map((p) => p.step)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(progress[9]?.validation?.iou).toHaveLength(2);
      expect(ticks).toBeGreaterThan(0);
      const ckpt = await t.serializeCheckpoint();
      const next = await t.steps(2);
      expect(await t.restoreCheckpoint(ckpt)).toBe(20);
      expect(await t.steps(2)).toEqual(next);
      const onnx = await t.exportOnnx();
      const s = await createSession(onnx, { threads: 1 });
      const out = await s.run({ input: floatTensor(new Float32Array(16 * 16), [1, 16, 16, 1]) });
      expect(out.output?.dims).toEqual([1, 16, 16, 2]);
    } finally {
      await t.close();
    }
  });

  it('cancels a running fit between steps', async () => {
    const t = await Trainer.start(config, train);
    try {
      const fit = t.fit({ steps: 100_000 }, (p) => {
        if (p.step === 3) void t.cancel();
      });
      const res = await fit;
      expect(res.stoppedBy).toBe('cancelled');
      expect(res.steps).toBeLessThan(50);
    } finally {
      await t.close();
    }
  });
});
