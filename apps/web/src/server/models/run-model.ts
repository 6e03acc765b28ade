import type { Db } from '@tessera/db';
import { enqueue, MODEL_INFER } from '@tessera/jobs';
import { orgKey, presignGet, putObject, type Storage } from '@tessera/storage';
import type { Redis } from 'ioredis';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { ApiError, notFound } from '../errors';
import { DOWNLOAD_TTL_S } from './download-artifact';
import { requireVersion } from './manage-models';
import { toRunDto } from './model-dto';
import { safeFileName } from './read-upload';

type Version = Awaited<ReturnType<typeof requireVersion>>;
type RunInput = { key: string; name: string; imageId: string | null };

/** Images whose original is complete (not still uploading, not failed) can be run on. */
const runnable = (status: string) => status !== 'UPLOADING' && status !== 'FAILED';
const newRunId = () => crypto.randomUUID().replace(/-/g, '');

/**
 * Runs a version on an image of its project (by id: the image's original file) or on an uploaded file (kept under
 * the run): the InferenceRun row first, then the model.infer job with the row id as job id.
 */
export async function startRun(
  db: Db, storage: Storage, redis: Redis, actor: Actor, ids: { modelId: string; versionId: string },
  input: { imageId: string } | { fileName: string; bytes: Uint8Array },
) {
  const v = await requireVersion(db, actor, ids.modelId, ids.versionId);
  const runId = newRunId();
  if ('imageId' in input) {
    const image = await db.image.findFirst({ where: { id: input.imageId, organizationId: actor.organizationId, projectId: v.model.projectId } });
    if (!image) throw notFound('Image');
    if (!runnable(image.status)) throw new ApiError('CONFLICT', `The image is ${image.status.toLowerCase()}; run the model once its upload is complete.`);
    return createRun(db, redis, actor, v, runId, { key: image.sourceKey, name: image.name, imageId: image.id });
  }
  const name = safeFileName(input.fileName, 'image.tif');
  const key = orgKey(actor.organizationId, 'inference-runs', runId, `input-${name}`);
  await putObject(storage, key, input.bytes);
  return createRun(db, redis, actor, v, runId, { key, name, imageId: null });
}

/**
 * Runs a version on every image of its project whose upload is complete ("apply to dataset"): one run per image,
 * each with its own row and job, so results arrive image by image. Images still uploading or failed are skipped.
 */
export async function startDatasetRun(db: Db, redis: Redis, actor: Actor, ids: { modelId: string; versionId: string }) {
  const v = await requireVersion(db, actor, ids.modelId, ids.versionId);
  const images = await db.image.findMany({
    where: { organizationId: actor.organizationId, projectId: v.model.projectId },
    select: { id: true, status: true, sourceKey: true, name: true },
    orderBy: { createdAt: 'asc' },
  });
  const ready = images.filter((i) => runnable(i.status));
  if (ready.length === 0) throw new ApiError('CONFLICT', 'This project has no uploaded images to run the model on.');
  const runs = [];
  for (const image of ready) {
    runs.push(await createRun(db, redis, actor, v, newRunId(), { key: image.sourceKey, name: image.name, imageId: image.id }));
  }
  return { runs, skipped: images.length - ready.length };
}

/** The InferenceRun row (with its audit entry), then its model.infer job. */
async function createRun(db: Db, redis: Redis, actor: Actor, v: Version, runId: string, input: RunInput) {
  const run = await db.$transaction(async (tx) => {
    const r = await tx.inferenceRun.create({
      data: { id: runId, organizationId: actor.organizationId, projectId: v.model.projectId, versionId: v.id, imageId: input.imageId, inputKey: input.key, inputName: input.name, createdById: actor.userId },
    });
    await recordAudit(tx, { organizationId: actor.organizationId, actorUserId: actor.userId, action: 'model.run', targetType: 'inferenceRun', targetId: r.id, data: { versionId: v.id, imageId: input.imageId, inputName: input.name } });
    return r;
  });
  await enqueue(redis, MODEL_INFER, { organizationId: actor.organizationId, runId: run.id }, { jobId: run.id });
  return toRunDto(run);
}

/** A run with presigned URLs of its outputs (label image TIFF, object table CSV) once it has finished. */
export async function getRun(db: Db, storage: Storage, actor: Pick<Actor, 'organizationId'>, runId: string) {
  const r = await db.inferenceRun.findFirst({ where: { id: runId, organizationId: actor.organizationId } });
  if (!r) throw notFound('Inference run');
  const downloads: Record<string, string> = {};
  for (const [k, f] of Object.entries(r.outputs as Record<string, { key: string; fileName: string }>)) {
    downloads[k] = await presignGet(storage, f.key, { expiresIn: DOWNLOAD_TTL_S, filename: f.fileName });
  }
  return { ...toRunDto(r), downloads };
}

export async function listRuns(db: Db, actor: Pick<Actor, 'organizationId'>, projectId: string) {
  const runs = await db.inferenceRun.findMany({ where: { organizationId: actor.organizationId, projectId }, orderBy: { createdAt: 'desc' }, take: 100 });
  return runs.map(toRunDto);
}
