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

export const ALL_JOBS = [PING_TRAINER, PING_PACKAGER, INGEST_IMAGE];
