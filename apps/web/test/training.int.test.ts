import './setup-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeQueues, getQueue, QUEUES } from '@tessera/jobs';
import { getObjectBytes } from '@tessera/storage';
import { decodeSnapshot } from '@tessera/training';
import { db, redis, storage } from '@/server/context';
import {
  getProjectTrainingRuns, getTrainingRunById, getTrainingRunPredictionFile, getTrainingRunPredictions, postProjectTrainingRun, postTrainingRunCancel, postTrainingRunRetry,
} from '@/server/api/endpoints/training';
import { ingestTestImage, testShapes } from '../../trainer/src/training/test-fixtures';
import { runTrainingJob } from '../../trainer/src/training/train-run';
import { orgWithMembers } from './api-fixture';
import { callRoute } from './call-route';

// Queue positions are asserted below and count every organisation's queued runs: start from an empty training
// queue (other test files leave jobs and QUEUED rows behind; no trainer consumes them in this run).
beforeAll(async () => {
  await getQueue(redis(), QUEUES.training).obliterate({ force: true });
  await db().trainingRun.updateMany({ where: { status: 'QUEUED' }, data: { status: 'CANCELLED' } });
});
afterAll(async () => {
  await getQueue(redis(), QUEUES.training).obliterate({ force: true });
  await closeQueues();
});

const settings = { modelType: 'semantic', duration: 'quick', advanced: { steps: 20, batch: 2, patch: 32, checkpointEvery: 10, validateEvery: 10 } };

async function labelledProject() {
  const { orgId, owner, members } = await orgWithMembers(['VIEWER']);
  const project = await db().project.create({ data: { organizationId: orgId, name: `Nuclei ${Date.now()}` } });
  const classes = await Promise.all([['Background', '#333333'], ['Nucleus', '#ff3366']].map(([name, color], order) =>
    db().labelClass.create({ data: { organizationId: orgId, projectId: project.id, name: name!, color: color!, order } })));
  const image = await ingestTestImage(db(), storage(), { id: orgId }, project.id, 'cells.png');
  for (const s of testShapes('semantic')) {
    await db().annotation.create({
      data: {
        id: `${image.id}-${s.id}`, organizationId: orgId, projectId: project.id, imageId: image.id, labelClassId: classes[s.classIndex - 1]!.id,
        kind: s.kind === 'brush' ? 'BRUSH' : 'POLYGON', geometry: s.geometry, zOrder: s.order, authorId: owner.id, updatedById: owner.id, minX: 0, minY: 0, maxX: 96, maxY: 80,
      },
    });
  }
  return { orgId, owner, members, project, image };
}

describe('training runs API', () => {
  it('starts a run pinning a snapshot, shows queue position, trains, lists predictions and serves the overlay', async () => {
    const { orgId, owner, project, image } = await labelledProject();
    const params = { orgId, projectId: project.id };
    const created = await callRoute(postProjectTrainingRun, { method: 'POST', params, auth: owner.auth, body: settings });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json).toMatchObject({ status: 'QUEUED', totalSteps: 20, classes: ['Background', 'Nucleus'], imageCount: 1 });
    const row = await db().trainingRun.findUniqueOrThrow({ where: { id: created.json.id } });
    const snap = decodeSnapshot(await getObjectBytes(storage(), row.snapshotKey), row.snapshotHash);
    expect(snap.images[0]!.shapes).toHaveLength(5);
    expect(await getQueue(redis(), QUEUES.training).getJob(row.id)).toBeTruthy();
    const queued = await callRoute(getTrainingRunById, { params: { orgId, runId: row.id }, auth: owner.auth });
    expect(queued.json.queue).toMatchObject({ position: 1 });
    expect(queued.json.queue.etaStartSeconds).toBeGreaterThanOrEqual(0);

    // Annotations changed after pressing Train do not change what the run trains on.
    await db().annotation.updateMany({ where: { imageId: image.id }, data: { deletedAt: new Date() } });
    await getQueue(redis(), QUEUES.training).remove(row.id);
    const res = await runTrainingJob({ db: db(), storage: storage(), execution: { threads: 1, providers: ['cpu'] }, workerId: 'test' }, { organizationId: orgId, trainingRunId: row.id });
    expect(res).toMatchObject({ status: 'SUCCEEDED' });

    const done = await callRoute(getTrainingRunById, { params: { orgId, runId: row.id }, auth: owner.auth, path: '/?afterStep=15' });
    expect(done.json.run).toMatchObject({ status: 'SUCCEEDED', step: 20 });
    expect(done.json.points.map((p: { step: number }) => p.step)).toEqual([16, 17, 18, 19, 20]);
    expect(done.json.queue).toBeNull();
    const preds = await callRoute(getTrainingRunPredictions, { params: { orgId, runId: row.id }, auth: owner.auth });
    expect(preds.json.predictions).toHaveLength(1);
    const p = preds.json.predictions[0];
    expect(p).toMatchObject({ imageId: image.id, width: 96, height: 80, classes: ['Background', 'Nucleus'] });
    const overlay = await getTrainingRunPredictionFile(new Request(`http://tessera.test${p.urls.overlay}`, { headers: { host: 'tessera.test', cookie: owner.auth.session } }), { params: Promise.resolve({ orgId, runId: row.id, imageId: image.id, file: 'overlay' }) });
    expect(overlay.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await overlay.arrayBuffer()).subarray(1, 4)).toEqual(new TextEncoder().encode('PNG'));
    const list = await callRoute(getProjectTrainingRuns, { params, auth: owner.auth });
    expect(list.json.runs.map((r: { id: string }) => r.id)).toEqual([row.id]);
  });

  it('cancels a queued run (job removed), retries it with the same snapshot and seed; viewers and other orgs cannot', async () => {
    const { orgId, owner, members, project } = await labelledProject();
    const params = { orgId, projectId: project.id };
    const created = await callRoute(postProjectTrainingRun, { method: 'POST', params, auth: owner.auth, body: settings });
    const runId = created.json.id as string;
    expect((await callRoute(postProjectTrainingRun, { method: 'POST', params, auth: members.VIEWER!.auth, body: settings })).status).toBe(403);
    const other = await orgWithMembers();
    expect((await callRoute(getTrainingRunById, { params: { orgId: other.orgId, runId }, auth: other.owner.auth })).status).toBe(404);
    expect((await callRoute(getTrainingRunById, { params: { orgId, runId }, auth: other.owner.auth })).status).toBe(404);

    const cancelled = await callRoute(postTrainingRunCancel, { method: 'POST', params: { orgId, runId }, auth: owner.auth });
    expect(cancelled.json).toMatchObject({ status: 'CANCELLED', cancelRequested: true });
    expect(await getQueue(redis(), QUEUES.training).getJob(runId)).toBeFalsy();
    expect((await callRoute(postTrainingRunCancel, { method: 'POST', params: { orgId, runId }, auth: owner.auth })).status).toBe(409);
    const retried = await callRoute(postTrainingRunRetry, { method: 'POST', params: { orgId, runId }, auth: owner.auth });
    expect(retried.status).toBe(201);
    expect(retried.json).toMatchObject({ status: 'QUEUED', retryOfId: runId, seed: created.json.seed, snapshotHash: created.json.snapshotHash });
  });

  it('refuses to train when nothing is labelled, and a semantic model with one class', async () => {
    const { orgId, owner } = await orgWithMembers();
    const project = await db().project.create({ data: { organizationId: orgId, name: 'Empty' } });
    const c = await db().labelClass.create({ data: { organizationId: orgId, projectId: project.id, name: 'Nucleus', color: '#ff0000', order: 0 } });
    const one = await callRoute(postProjectTrainingRun, { method: 'POST', params: { orgId, projectId: project.id }, auth: owner.auth, body: { ...settings, classIds: [c.id] } });
    expect(one.status).toBe(400);
    await db().labelClass.create({ data: { organizationId: orgId, projectId: project.id, name: 'Background', color: '#000000', order: 1 } });
    const none = await callRoute(postProjectTrainingRun, { method: 'POST', params: { orgId, projectId: project.id }, auth: owner.auth, body: settings });
    expect(none.status).toBe(409);
    expect(none.json.error.message).toMatch(/Nothing is labelled/);
  });
});
