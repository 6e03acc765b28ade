import type { Db } from '@tessera/db';
import { enqueue, INGEST_IMAGE } from '@tessera/jobs';
import type { Redis } from 'ioredis';

/**
 * Redis keeps no state on disk here, and a worker can die mid-ingest: at start, images left QUEUED or INGESTING
 * are queued again (job id = image id, so a job that still exists is not duplicated). Returns how many.
 */
export async function requeueStrandedImages(db: Db, redis: Redis): Promise<number> {
  const stranded = await db.image.findMany({ where: { status: { in: ['QUEUED', 'INGESTING'] } }, select: { id: true, organizationId: true } });
  for (const img of stranded) {
    await db.image.updateMany({ where: { id: img.id, status: 'INGESTING' }, data: { status: 'QUEUED', progress: 0 } });
    await enqueue(redis, INGEST_IMAGE, { organizationId: img.organizationId, imageId: img.id }, { jobId: img.id });
  }
  return stranded.length;
}
