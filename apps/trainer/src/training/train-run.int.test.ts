import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@tessera/db';
import { createStorage, getObjectBytes } from '@tessera/storage';
import { TEST_DATABASE_URL, TEST_S3_CONFIG } from '@tessera/testing';
import { readPng } from '@tessera/imaging';
import { readImageLevel } from './read-image-level';
import { runTrainingJob, type TrainDeps } from './train-run';
import { DISKS, seedTrainingRun } from './test-fixtures';

const db = createDb(TEST_DATABASE_URL);
const storage = createStorage({ ...TEST_S3_CONFIG });
afterAll(() => db.$disconnect());
const deps: TrainDeps = { db, storage, execution: { threads: 1, providers: ['cpu'] }, workerId: 'test', progressIntervalMs: 0 };
const tiny = { modelType: 'semantic' as const, advanced: { steps: 40, batch: 2, patch: 32, seed: 3, checkpointEvery: 20, validateEvery: 20, validationFraction: 0.2, learningRate: 1e-2 } };

describe('model.train against Postgres and S3', () => {
  it('reads the ingested pyramid level from S3 exactly (across chunk edges)', async () => {
    const { images } = await seedTrainingRun(db, storage, { settings: tiny });
    const plane = await readImageLevel(storage, images[0]!);
    expect([plane.width, plane.height, plane.channels]).toEqual([96, 80, 1]);
    const [cx, cy] = DISKS[3]!;
    expect(plane.data[cy * 96 + cx]!).toBeGreaterThan(0.5);
    expect(plane.data[2 * 96 + 2]!).toBeLessThan(0.35);
    const crop = await readImageLevel(storage, images[0]!, { x: 60, y: 50, width: 20, height: 20 });
    expect(crop.data[(cy - 50) * 20 + (cx - 60)]).toBe(plane.data[cy * 96 + cx]);
  });

  it('trains a queued run: progress rows, checkpoints, a model version with lineage, predictions; idempotent', async () => {
    const { org, run, project, images } = await seedTrainingRun(db, storage, { settings: tiny, images: 2 });
    const res = await runTrainingJob(deps, { organizationId: org.id, trainingRunId: run.id });
    expect(res).toMatchObject({ status: 'SUCCEEDED', step: 40 });
    const row = await db.trainingRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(row).toMatchObject({ status: 'SUCCEEDED', step: 40, checkpointStep: 40, resumeCount: 0 });
    expect(row.valMetric).toBeGreaterThan(0);
    expect(row.epoch).toBeGreaterThan(0);
    const points = await db.trainingRunPoint.findMany({ where: { runId: run.id }, orderBy: { step: 'asc' } });
    expect(points.map((p) => p.step)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(points.filter((p) => p.valMetric !== null).map((p) => p.step)).toEqual([20, 40]);
    // The model learned something: late loss below early loss.
    const mean = (a: typeof points) => a.reduce((s, p) => s + p.loss, 0) / a.length;
    expect(mean(points.slice(-10))).toBeLessThan(mean(points.slice(0, 10)));
    const version = await db.modelVersion.findUniqueOrThrow({ where: { id: row.modelVersionId! }, include: { model: true } });
    expect(version).toMatchObject({ source: 'TRAINED', format: 'czann', number: 1, classes: ['Background', 'Nucleus'], organizationId: org.id });
    expect(version.model.projectId).toBe(project.id);
    expect(version.lineage).toMatchObject({ trainingRunId: run.id, annotationSnapshotHash: run.snapshotHash, seed: 3 });
    expect((await getObjectBytes(storage, version.fileKey)).length).toBe(version.fileBytes);
    const preds = await db.inferenceRun.findMany({ where: { versionId: version.id }, orderBy: { inputName: 'asc' } });
    expect(preds.map((p) => p.imageId).sort()).toEqual(images.map((i) => i.id).sort());
    const outputs = preds[0]!.outputs as Record<string, { key: string }>;
    const overlay = readPng(await getObjectBytes(storage, outputs.overlay!.key));
    expect([overlay.width, overlay.height, overlay.sizeC]).toEqual([96, 80, 4]);
    const labels = readPng(await getObjectBytes(storage, outputs.labels!.key)).planes[0]!.data;
    // An unlabelled nucleus (DISKS[3]) is predicted as Nucleus (2) at its centre, the background far from disks as 1.
    const [cx, cy] = DISKS[3]!;
    expect(labels[cy * 96 + cx]).toBe(2);
    expect(labels[78 * 96 + 94]).toBe(1);
    // A second delivery of the same job does nothing.
    expect(await runTrainingJob(deps, { organizationId: org.id, trainingRunId: run.id })).toEqual({ skipped: 'SUCCEEDED' });
    // Another organisation cannot run it.
    const other = await seedTrainingRun(db, storage, { settings: tiny });
    expect(await runTrainingJob(deps, { organizationId: other.org.id, trainingRunId: run.id })).toEqual({ skipped: 'missing' });
  });

  it('same snapshot, config and seed → the same weights; another seed → other weights', async () => {
    const a = await seedTrainingRun(db, storage, { settings: tiny });
    const ra = await runTrainingJob(deps, { organizationId: a.org.id, trainingRunId: a.run.id });
    const b = await seedTrainingRun(db, storage, { settings: tiny });
    const rb = await runTrainingJob(deps, { organizationId: b.org.id, trainingRunId: b.run.id });
    expect(ra).toMatchObject({ status: 'SUCCEEDED' });
    expect(sha(rb)).toBe(sha(ra));
    // A different seed gives different weights.
    const c = await seedTrainingRun(db, storage, { settings: { ...tiny, advanced: { ...tiny.advanced, seed: 4 } } });
    const rc = await runTrainingJob(deps, { organizationId: c.org.id, trainingRunId: c.run.id });
    expect(sha(rc)).not.toBe(sha(ra));
  });

  it('cancels a running run between steps (no model), and a queued run cancelled before it started', async () => {
    const { org, run } = await seedTrainingRun(db, storage, { settings: { ...tiny, advanced: { ...tiny.advanced, steps: 5000, validateEvery: 0 } } });
    const job = runTrainingJob(deps, { organizationId: org.id, trainingRunId: run.id });
    for (let i = 0; i < 300; i++) {
      await new Promise((r) => setTimeout(r, 50));
      if ((await db.trainingRun.findUniqueOrThrow({ where: { id: run.id } })).step >= 5) break;
    }
    await db.trainingRun.update({ where: { id: run.id }, data: { cancelRequestedAt: new Date() } });
    expect(await job).toMatchObject({ status: 'CANCELLED' });
    const row = await db.trainingRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(row).toMatchObject({ status: 'CANCELLED', modelVersionId: null });
    expect(row.step).toBeLessThan(5000);
    const queued = await seedTrainingRun(db, storage, { settings: tiny });
    await db.trainingRun.update({ where: { id: queued.run.id }, data: { cancelRequestedAt: new Date() } });
    expect(await runTrainingJob(deps, { organizationId: queued.org.id, trainingRunId: queued.run.id })).toEqual({ status: 'CANCELLED' });
  });

  it('fails with a readable error when nothing is labelled, and refuses a tampered snapshot', async () => {
    const { org, run } = await seedTrainingRun(db, storage, { settings: tiny });
    await db.trainingRun.update({ where: { id: run.id }, data: { snapshotHash: '0'.repeat(64) } });
    expect(await runTrainingJob(deps, { organizationId: org.id, trainingRunId: run.id })).toMatchObject({ status: 'FAILED' });
    expect((await db.trainingRun.findUniqueOrThrow({ where: { id: run.id } })).error).toMatch(/snapshot hash/);
  });
});

function sha(r: unknown): string {
  return (r as { onnxSha256: string }).onnxSha256;
}
