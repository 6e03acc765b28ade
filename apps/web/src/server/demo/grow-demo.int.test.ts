import '../../../test/setup-env';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ORG_SLUG, seedDemo } from '@tessera/db';
import { closeQueues, getQueue, QUEUES } from '@tessera/jobs';
import { getObjectBytes } from '@tessera/storage';
import { decodeSnapshot } from '@tessera/training';
import { runIngest } from '../../../../packager/src/jobs/ingest-image';
import { seedDemoImage } from '../../../../packager/src/jobs/seed-demo-image';
import { db, redis, storage } from '@/server/context';
import { growDemo } from './grow-demo';

const deps = () => ({ db: db(), storage: storage(), redis: redis() });

afterAll(async () => {
  await getQueue(redis(), QUEUES.training).obliterate({ force: true });
  await getQueue(redis(), QUEUES.ingest).obliterate({ force: true });
  await closeQueues();
});

describe('the demo grows with the platform', () => {
  it('is a no-op without the demo organisation', async () => {
    expect(await db().organization.count({ where: { slug: DEMO_ORG_SLUG } })).toBe(0);
    expect(await growDemo(deps(), { waitMs: 0 })).toEqual({ status: 'no-demo' });
  });

  it('once the demo image is ingested: partial labels through the op log, then a queued demo training run; once only', async () => {
    await seedDemo(db());
    const imageId = (await seedDemoImage(db(), storage(), redis()))!;
    const image = await db().image.findUniqueOrThrow({ where: { id: imageId } });
    // Waits for the image (QUEUED now), then grows; a second process meanwhile finds the lock taken.
    const growing = growDemo(deps(), { waitMs: 120_000, pollMs: 100 });
    await new Promise((r) => setTimeout(r, 300));
    expect(await growDemo(deps(), { waitMs: 0 })).toEqual({ status: 'busy' });
    expect(await runIngest({ db: db(), storage: storage(), maxPixels: 2 ** 30 }, { organizationId: image.organizationId, imageId })).toMatchObject({ status: 'READY' });
    const grown = await growing;
    if (grown.status !== 'grown') throw new Error(`not grown: ${grown.status}`);

    // Annotations written the API's way: every object has its create op, seq gap-free, the counter matches.
    const annotations = await db().annotation.findMany({ where: { imageId }, orderBy: { zOrder: 'asc' } });
    const ops = await db().annotationOp.findMany({ where: { imageId }, orderBy: { seq: 'asc' } });
    expect(grown.annotations).toBe(annotations.length);
    expect(annotations.filter((a) => a.kind === 'INSTANCE')).toHaveLength(16);
    expect(annotations.filter((a) => a.kind === 'BRUSH').length).toBeGreaterThanOrEqual(6);
    expect(ops.map((o) => [o.seq, o.type, o.annotationId])).toEqual(annotations.map((a, i) => [i + 1, 'create', a.id]));
    const state = await db().imageAnnotationState.findUniqueOrThrow({ where: { imageId } });
    expect(state.opSeq).toBe(annotations.length);

    // The run is what the Train button creates: QUEUED row, pinned snapshot of those labels, model.train job.
    const run = await db().trainingRun.findUniqueOrThrow({ where: { id: grown.trainingRunId } });
    expect(run).toMatchObject({ status: 'QUEUED', modelType: 'instance', imageIds: [imageId], totalSteps: 150, organizationId: image.organizationId });
    const snap = decodeSnapshot(await getObjectBytes(storage(), run.snapshotKey), run.snapshotHash);
    expect(snap.images[0]!.shapes).toHaveLength(annotations.length);
    expect(await getQueue(redis(), QUEUES.training).getJob(run.id)).toBeTruthy();
    expect(await db().auditEvent.count({ where: { targetId: run.id, action: 'training.start' } })).toBe(1);

    // A second start adds nothing.
    expect(await growDemo(deps(), { waitMs: 0 })).toEqual({ status: 'already-grown' });
    expect(await db().annotation.count({ where: { imageId } })).toBe(annotations.length);
    expect(await db().trainingRun.count({ where: { projectId: run.projectId } })).toBe(1);
  });
});
