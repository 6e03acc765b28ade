import { APPLY_MODEL, enqueue, getQueue, QUEUES } from '@tessera/jobs';
import { getObjectBytes } from '@tessera/storage';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { ApiError, conflict, notFound } from '../errors';
import { enqueueRun, newRunId, type TrainingDeps } from './create-training-run';
import { unsafeQueuePosition } from './queue-position';
import { toTrainingRunDto } from './training-run-dto';

async function findRun(deps: Pick<TrainingDeps, 'db'>, actor: Actor, runId: string) {
  const run = await deps.db.trainingRun.findFirst({ where: { id: runId, organizationId: actor.organizationId } });
  if (!run) throw notFound('Training run');
  return run;
}

export async function listTrainingRuns(deps: Pick<TrainingDeps, 'db'>, actor: Actor, projectId: string) {
  const project = await deps.db.project.findFirst({ where: { id: projectId, organizationId: actor.organizationId }, select: { id: true } });
  if (!project) throw notFound('Project');
  const runs = await deps.db.trainingRun.findMany({ where: { organizationId: actor.organizationId, projectId }, orderBy: { createdAt: 'desc' }, take: 100 });
  return { runs: runs.map(toTrainingRunDto) };
}

/** A run, its loss-curve points after `afterStep` (for polling) and, while queued, its place and ETA in the queue. */
export async function getTrainingRun(deps: Pick<TrainingDeps, 'db'>, actor: Actor, runId: string, afterStep = 0) {
  const run = await findRun(deps, actor, runId);
  const points = await deps.db.trainingRunPoint.findMany({
    where: { runId: run.id, organizationId: actor.organizationId, step: { gt: afterStep } },
    orderBy: { step: 'asc' }, take: 5000, select: { step: true, loss: true, valMetric: true, elapsedMs: true },
  });
  const queue = run.status === 'QUEUED' ? await unsafeQueuePosition(deps.db, run) : null;
  return { run: toTrainingRunDto(run), points, queue };
}

/** Cancel: a queued run is cancelled at once (its job removed); a running one stops after its current step. */
export async function cancelTrainingRun(deps: TrainingDeps, actor: Actor, runId: string) {
  const run = await findRun(deps, actor, runId);
  if (run.status !== 'QUEUED' && run.status !== 'RUNNING') throw conflict(`This run has already ${run.status === 'SUCCEEDED' ? 'finished' : run.status.toLowerCase()}.`);
  const now = new Date();
  const updated = await deps.db.$transaction(async (tx) => {
    // Conditional update: a worker that just picked the run up sees the request on its next progress write.
    const n = await tx.trainingRun.updateMany({
      where: { id: run.id, status: 'QUEUED' },
      data: { status: 'CANCELLED', cancelRequestedAt: now, finishedAt: now, etaSeconds: null },
    });
    if (n.count === 0) await tx.trainingRun.updateMany({ where: { id: run.id, status: 'RUNNING' }, data: { cancelRequestedAt: now } });
    await recordAudit(tx, { organizationId: actor.organizationId, actorUserId: actor.userId, action: 'training.cancel', targetType: 'TrainingRun', targetId: run.id });
    return tx.trainingRun.findUniqueOrThrow({ where: { id: run.id } });
  });
  if (updated.status === 'CANCELLED') await getQueue(deps.redis, QUEUES.training).remove(run.id).catch(() => 0);
  return toTrainingRunDto(updated);
}

/** Retry: a new run with the same pinned snapshot, config and seed (so it reproduces the original's inputs). */
export async function retryTrainingRun(deps: TrainingDeps, actor: Actor, runId: string) {
  const run = await findRun(deps, actor, runId);
  if (run.status !== 'FAILED' && run.status !== 'CANCELLED') throw conflict('Only a failed or cancelled run can be retried.');
  const id = newRunId();
  const row = await deps.db.$transaction(async (tx) => {
    const created = await tx.trainingRun.create({
      data: {
        id, organizationId: run.organizationId, projectId: run.projectId, createdById: actor.userId, name: run.name, modelType: run.modelType,
        classes: run.classes, settings: run.settings as object, config: run.config as object, seed: run.seed, imageIds: run.imageIds,
        snapshotKey: run.snapshotKey, snapshotHash: run.snapshotHash, totalSteps: run.totalSteps, checkpointEvery: run.checkpointEvery, retryOfId: run.id,
      },
    });
    await recordAudit(tx, { organizationId: actor.organizationId, actorUserId: actor.userId, action: 'training.retry', targetType: 'TrainingRun', targetId: id, data: { retryOf: run.id } });
    return created;
  });
  return toTrainingRunDto(await enqueueRun(deps, row));
}

/** "Apply to dataset": predictions of the run's model on every ready image of the project (a model.apply job). */
export async function applyTrainingRun(deps: TrainingDeps, actor: Actor, runId: string) {
  const run = await findRun(deps, actor, runId);
  if (run.status !== 'SUCCEEDED') throw conflict('Only a finished run has a model to apply.');
  await enqueue(deps.redis, APPLY_MODEL, { organizationId: run.organizationId, trainingRunId: run.id }, { jobId: `apply-${run.id}-${Date.now()}` });
  await recordAudit(deps.db, { organizationId: actor.organizationId, actorUserId: actor.userId, action: 'training.apply', targetType: 'TrainingRun', targetId: run.id });
  return { queued: true };
}

const fileUrl = (orgId: string, runId: string, imageId: string, file: string) => `/api/v1/orgs/${orgId}/training-runs/${runId}/predictions/${imageId}/${file}`;

/** The run's predictions per image: label counts, mean confidence and the URLs of the overlay PNGs. */
export async function listRunPredictions(deps: Pick<TrainingDeps, 'db'>, actor: Actor, runId: string) {
  const run = await findRun(deps, actor, runId);
  if (!run.modelVersionId) return { predictions: [] };
  const rows = await deps.db.inferenceRun.findMany({
    where: { organizationId: actor.organizationId, versionId: run.modelVersionId, status: 'SUCCEEDED', imageId: { not: null } },
    orderBy: { inputName: 'asc' },
  });
  return {
    predictions: rows.map((r) => {
      const s = r.summary as { width?: number; height?: number; labelCounts?: number[]; meanConfidence?: number; classes?: string[] };
      const u = (f: string) => fileUrl(actor.organizationId, run.id, r.imageId!, f);
      return {
        imageId: r.imageId!, imageName: r.inputName, width: s.width ?? 0, height: s.height ?? 0, classes: s.classes ?? [],
        labelCounts: s.labelCounts ?? [], meanConfidence: s.meanConfidence ?? null,
        urls: { overlay: u('overlay'), labels: u('labels'), confidence: u('confidence'), image: u('image') },
      };
    }),
  };
}

export const PREDICTION_FILES = ['overlay', 'labels', 'confidence', 'image'] as const;

/** One prediction PNG (or the image's thumbnail, to show the overlay on) streamed from S3. */
export async function servePredictionFile(deps: Pick<TrainingDeps, 'db' | 'storage'>, actor: Actor, runId: string, imageId: string, file: (typeof PREDICTION_FILES)[number]) {
  const run = await findRun(deps, actor, runId);
  let key: string | null | undefined;
  if (file === 'image') {
    key = (await deps.db.image.findFirst({ where: { id: imageId, organizationId: actor.organizationId, projectId: run.projectId }, select: { thumbnailKey: true } }))?.thumbnailKey;
  } else if (run.modelVersionId) {
    const r = await deps.db.inferenceRun.findFirst({ where: { organizationId: actor.organizationId, versionId: run.modelVersionId, imageId }, select: { outputs: true } });
    key = (r?.outputs as Record<string, { key: string }> | undefined)?.[file]?.key;
  }
  if (!key) throw notFound('Prediction');
  const bytes = await getObjectBytes(deps.storage, key).catch(() => {
    throw new ApiError('NOT_FOUND', 'Prediction file not found.');
  });
  return new Response(new Uint8Array(bytes), { headers: { 'content-type': 'image/png', 'cache-control': 'private, max-age=300' } });
}
