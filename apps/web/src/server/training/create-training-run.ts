import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { enqueue, TRAIN_MODEL } from '@tessera/jobs';
import { orgKey, putObject, type Storage } from '@tessera/storage';
import { encodeSnapshot, resolveTraining, type SnapshotImage, type TrainSettings } from '@tessera/training';
import type { Actor } from '../actor';
import type { Db } from '@tessera/db';
import { approvedOnly } from '../annotations/find-image';
import { toShapes } from '../annotations/to-shapes';
import { recordAudit } from '../audit/record-audit';
import { ApiError, notFound } from '../errors';
import { toTrainingRunDto, type TrainingRunRow } from './training-run-dto';

export interface TrainingDeps {
  db: Db;
  storage: Storage;
  redis: Redis;
}

export const newRunId = () => `tr${randomBytes(12).toString('hex')}`;

/**
 * Press "Train": freezes the project's annotations into a snapshot (S3, sha256 pinned on the run), resolves the
 * engine config and seed, creates the TrainingRun (QUEUED, audited) and then enqueues model.train with the run's
 * id as job id. A run that could not be enqueued is marked FAILED (nothing waits forever).
 */
export async function createTrainingRun(deps: TrainingDeps, actor: Actor, projectId: string, settings: TrainSettings) {
  const { db } = deps;
  const project = await db.project.findFirst({
    where: { id: projectId, organizationId: actor.organizationId, archivedAt: null },
    select: { id: true, name: true, trainOnApprovedOnly: true, labelClasses: { orderBy: [{ order: 'asc' }, { createdAt: 'asc' }], select: { id: true, name: true, color: true } } },
  });
  if (!project) throw notFound('Project');
  const classes = settings.classIds ? project.labelClasses.filter((c) => settings.classIds!.includes(c.id)) : project.labelClasses;
  if (settings.classIds && classes.length !== settings.classIds.length) throw new ApiError('VALIDATION_FAILED', 'Some of the chosen classes are not classes of this project.');
  if (settings.modelType === 'semantic' && classes.length < 2) throw new ApiError('VALIDATION_FAILED', 'A semantic model needs at least two classes (e.g. Background and the structure to find).');
  const index = new Map(classes.map((c, i) => [c.id, i + 1]));
  const images = await db.image.findMany({
    where: { organizationId: actor.organizationId, projectId: project.id, status: 'READY', ...approvedOnly(project.trainOnApprovedOnly) },
    select: { id: true, name: true, width: true, height: true, sizeC: true, annotationState: { select: { opSeq: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const snapImages: (SnapshotImage & { sizeC: number })[] = [];
  for (const img of images) {
    const rows = await db.annotation.findMany({ where: { organizationId: actor.organizationId, imageId: img.id, deletedAt: null } });
    const shapes = toShapes(rows, index).map((sh) => ({ ...sh, fillHoles: sh.fillHoles ?? false }));
    if (!shapes.some((s) => s.kind !== 'eraser')) continue;
    snapImages.push({ id: img.id, name: img.name, width: img.width!, height: img.height!, opSeq: img.annotationState?.opSeq ?? 0, shapes, sizeC: img.sizeC ?? 1 });
  }
  if (snapImages.length === 0) throw new ApiError('CONFLICT', project.trainOnApprovedOnly ? 'No approved image has annotations of the chosen classes yet.' : 'Nothing is labelled yet: annotate some images first.');
  const channels = new Set(snapImages.map((i) => i.sizeC));
  if (channels.size > 1) throw new ApiError('CONFLICT', `The labelled images have different channel counts (${[...channels].join(', ')}); train on images of one kind.`);
  const snap = encodeSnapshot({
    version: 1, projectId: project.id, modelType: settings.modelType,
    classes: classes.map((c, i) => ({ id: c.id, name: c.name, color: c.color, index: i + 1 })),
    images: snapImages.map(({ sizeC: _c, ...i }) => i),
  });
  const outputClasses = settings.modelType === 'instance' ? 3 : classes.length;
  let plan;
  try {
    plan = resolveTraining(settings, { channels: [...channels][0]!, outputClasses, seed: randomBytes(4).readUInt32LE(0) >>> 1 });
  } catch (e) {
    throw new ApiError('VALIDATION_FAILED', (e as Error).message);
  }
  const id = newRunId();
  const snapshotKey = orgKey(actor.organizationId, 'training', id, 'snapshot.json');
  await putObject(deps.storage, snapshotKey, snap.bytes, 'application/json');
  const count = await db.trainingRun.count({ where: { organizationId: actor.organizationId, projectId: project.id } });
  const run = await db.$transaction(async (tx) => {
    const row = await tx.trainingRun.create({
      data: {
        id, organizationId: actor.organizationId, projectId: project.id, createdById: actor.userId,
        name: settings.name || `${project.name} ${settings.modelType} #${count + 1}`, modelType: settings.modelType,
        classes: classes.map((c) => c.name), settings, config: plan as object, seed: plan.seed, imageIds: snapImages.map((i) => i.id),
        snapshotKey, snapshotHash: snap.hash, totalSteps: plan.totalSteps, checkpointEvery: plan.checkpointEvery,
      },
    });
    await recordAudit(tx, { organizationId: actor.organizationId, actorUserId: actor.userId, action: 'training.start', targetType: 'TrainingRun', targetId: id, data: { projectId: project.id, snapshotHash: snap.hash, seed: plan.seed } });
    return row;
  });
  return toTrainingRunDto(await enqueueRun(deps, run));
}

/** Enqueues model.train for a QUEUED row (job id = run id); marks the run FAILED when the queue is unreachable. */
export async function enqueueRun(deps: TrainingDeps, run: TrainingRunRow): Promise<TrainingRunRow> {
  try {
    await enqueue(deps.redis, TRAIN_MODEL, { organizationId: run.organizationId, trainingRunId: run.id }, { jobId: run.id });
    return run;
  } catch (e) {
    console.error('[training] enqueue failed', e);
    return deps.db.trainingRun.update({ where: { id: run.id }, data: { status: 'FAILED', error: 'The training queue could not be reached. Retry in a moment.', finishedAt: new Date() } });
  }
}

