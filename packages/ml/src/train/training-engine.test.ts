import { describe, expect, it } from 'vitest';
import { TrainingEngine } from './training-engine';
import { syntheticDisks } from './synthetic-data';
import type { TrainConfigInput } from './train-config';

const config: TrainConfigInput = {
  model: { inChannels: 1, outChannels: 2, depth: 2, width: 4 },
  batch: 2, patch: 32, lr: 1e-2, seed: 11, execution: { threads: 1 },
};
const train = [syntheticDisks(64, 1), syntheticDisks(64, 2)];
const val = [syntheticDisks(48, 3, 1)];

async function run(engine: TrainingEngine, steps: number): Promise<number[]> {
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) losses.push((await engine.trainStep()).loss);
  return losses;
}

const flat = (e: TrainingEngine): Float32Array => Float32Array.from([...e.weights().values()].flatMap((a) => [...a]));

describe('TrainingEngine', () => {
  for (const norm of ['none', 'group'] as const) it(`learns the synthetic disks from partial labels (norm ${norm}; loss falls, validation IoU rises)`, async () => {
    const e = await TrainingEngine.create({ ...config, model: { ...config.model, norm, normGroups: 2 } }, train, val);
    const before = await e.validate();
    const losses = await run(e, 150);
    const after = await e.validate();
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(losses.slice(-10))).toBeLessThan(0.5 * mean(losses.slice(0, 5)));
    expect(after!.meanIou).toBeGreaterThan(0.8);
    expect(after!.meanIou).toBeGreaterThan(before!.meanIou);
    await e.close();
  });

  it('is deterministic: same data, config and seed give bit-identical weights', async () => {
    const a = await TrainingEngine.create(config, train);
    const b = await TrainingEngine.create(config, train);
    expect(await run(a, 5)).toEqual(await run(b, 5));
    expect(flat(a)).toEqual(flat(b));
    const c = await TrainingEngine.create({ ...config, seed: 12 }, train);
    await run(c, 5);
    expect(flat(c)).not.toEqual(flat(a));
  });

  it('checkpoint → restore resumes exactly (weights, Adam moments, step, RNG)', async () => {
    const a = await TrainingEngine.create(config, train);
    await run(a, 3);
    const ckpt = a.serializeCheckpoint({ note: 'x' });
    const tail = await run(a, 3);
    const b = await TrainingEngine.create(config, train);
    b.restoreCheckpoint(ckpt);
    expect(b.step).toBe(3);
    expect(await run(b, 3)).toEqual(tail);
    expect(flat(b)).toEqual(flat(a));
    const other = await TrainingEngine.create({ ...config, lr: 0.5 }, train);
    expect(() => other.restoreCheckpoint(ckpt)).toThrow(/belongs to config/);
  });

  it('group norm: γ/β train with the rest, survive checkpoint → restore, and are baked into the export', async () => {
    const gn: TrainConfigInput = { ...config, model: { ...config.model, norm: 'group', normGroups: 2 } };
    const a = await TrainingEngine.create(gn, train, val);
    expect(a.weights().get('down0.conv0.gamma')).toEqual(new Float32Array(4).fill(1));
    await run(a, 3);
    const ckpt = a.serializeCheckpoint();
    const tail = await run(a, 3);
    const gamma = a.weights().get('down0.conv0.gamma')!;
    expect(gamma.some((v) => Math.abs(v - 1) > 1e-4)).toBe(true);
    const b = await TrainingEngine.create(gn, train, val);
    b.restoreCheckpoint(ckpt);
    expect(await run(b, 3)).toEqual(tail);
    expect(flat(b)).toEqual(flat(a));
    expect(Number.isFinite((await b.validate())!.meanIou)).toBe(true);
    const plain = await TrainingEngine.create(config, train);
    expect(() => b.restoreCheckpoint(plain.serializeCheckpoint())).toThrow(/belongs to config/);
    await Promise.all([a.close(), b.close(), plain.close()]);
  });
});
