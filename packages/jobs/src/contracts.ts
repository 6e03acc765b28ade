import { z } from 'zod';
import { defineJob } from './define-job';
import { QUEUES } from './queues';

const Id = z.string().min(1).max(64);

/**
 * Round trip through a worker: proves a queue is consumed end to end (used by `npm start`'s self-check and tests).
 * Payloads carry ids plus organizationId, never blobs.
 */
export const PING_TRAINER = defineJob({
  name: 'diagnostics.ping',
  queue: QUEUES.training,
  schema: z.object({ requestedBy: Id, sentAt: z.iso.datetime() }),
  defaults: { attempts: 1, removeOnComplete: { age: 3600 }, removeOnFail: { age: 86400 } },
});

export const PING_PACKAGER = defineJob({ ...PING_TRAINER, queue: QUEUES.packaging });

/** Decode an uploaded image and write its OME-Zarr pyramid, thumbnail and metadata (row: Image, id = job id). */
export const INGEST_IMAGE = defineJob({
  name: 'image.ingest',
  queue: QUEUES.ingest,
  schema: z.object({ organizationId: Id, imageId: Id }),
  defaults: { attempts: 1, removeOnComplete: { age: 3600 }, removeOnFail: { age: 86400 } },
});

/**
 * Train a model (row: TrainingRun, id = job id). No BullMQ retries: a failure is final and shown to the user, who
 * may retry (a new run). A worker lost mid-run (kill -9) is not a failure: BullMQ's stalled-job check puts the job
 * back and the next worker resumes from the run's last checkpoint; `maxStalledCount` on the trainer's worker bounds
 * how often.
 */
export const TRAIN_MODEL = defineJob({
  name: 'model.train',
  queue: QUEUES.training,
  schema: z.object({ organizationId: Id, trainingRunId: Id }),
  defaults: { attempts: 1, removeOnComplete: { age: 3600 }, removeOnFail: { age: 86400 } },
});

/** Run a trained model version on every ready image of its project (rows: InferenceRun, one per image). */
export const APPLY_MODEL = defineJob({
  name: 'model.apply',
  queue: QUEUES.training,
  schema: z.object({ organizationId: Id, trainingRunId: Id }),
  defaults: { attempts: 1, removeOnComplete: { age: 3600 }, removeOnFail: { age: 86400 } },
});

/** Model packaging and inference (issue 8): the row (ModelPackage / InferenceRun) holds the state; its id is the job id. */
const PACKAGE_DEFAULTS = { attempts: 1, removeOnComplete: { age: 86400 }, removeOnFail: { age: 7 * 86400 } };
export const PACKAGE_CZANN = defineJob({
  name: 'model.package.czann',
  queue: QUEUES.packaging,
  schema: z.object({ organizationId: Id, packageId: Id }),
  defaults: PACKAGE_DEFAULTS,
});
export const PACKAGE_BUNDLE = defineJob({ ...PACKAGE_CZANN, name: 'model.package.bundle' });
export const MODEL_INFER = defineJob({
  name: 'model.infer',
  queue: QUEUES.packaging,
  schema: z.object({ organizationId: Id, runId: Id }),
  defaults: PACKAGE_DEFAULTS,
});

export const ALL_JOBS = [PING_TRAINER, PING_PACKAGER, PACKAGE_CZANN, PACKAGE_BUNDLE, MODEL_INFER, INGEST_IMAGE, TRAIN_MODEL, APPLY_MODEL];
