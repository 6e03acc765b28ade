import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDb } from '@tessera/db';
import { createStorage, getObjectBytes, orgKey, putObject } from '@tessera/storage';
import { seedOrgWithUser, TEST_DATABASE_URL, TEST_REDIS_URL, TEST_S3_CONFIG } from '@tessera/testing';
import { createRedis, getQueue, INGEST_IMAGE } from '@tessera/jobs';
import { decodeChunk } from '@tessera/zarr';
import { runIngest } from './ingest-image';
import { requeueStrandedImages } from './requeue-images';

const db = createDb(TEST_DATABASE_URL);
const storage = createStorage({ ...TEST_S3_CONFIG });
const BBBC = join(import.meta.dirname, '../../../../../shared/data/nuclei-bbbc039/images');

async function uploaded(bytes: Uint8Array, status: 'QUEUED' | 'UPLOADING' = 'QUEUED') {
  const { org } = await seedOrgWithUser(db);
  const project = await db.project.create({ data: { organizationId: org.id, name: 'P' } });
  const image = await db.image.create({
    data: { organizationId: org.id, projectId: project.id, name: 'cells.tif', status, sizeBytes: bytes.length, sourceKey: 'x', partSize: bytes.length, partCount: 1 },
  });
  const sourceKey = orgKey(org.id, 'images', image.id, 'source');
  await putObject(storage, sourceKey, bytes);
  await db.image.update({ where: { id: image.id }, data: { sourceKey } });
  return { org, image };
}

describe('image.ingest job against Postgres and S3', () => {
  const file = new Uint8Array(readFileSync(join(BBBC, readdirSync(BBBC).sort()[0]!)));
  const deps = { db, storage, maxPixels: 2 ** 31 };

  it('turns an uploaded BBBC039 TIFF into a READY image with an OME-Zarr pyramid, thumbnail and stats', async () => {
    const { org, image } = await uploaded(file);
    expect(await runIngest(deps, { organizationId: org.id, imageId: image.id })).toMatchObject({ status: 'READY' });
    const row = await db.image.findUniqueOrThrow({ where: { id: image.id } });
    expect(row).toMatchObject({ status: 'READY', progress: 1, width: 696, height: 520, sizeC: 1, dtype: 'uint16', chunkSize: 512 });
    expect(row.levels).toEqual([{ width: 696, height: 520, downsample: 1, compressor: 'lz4' }, { width: 348, height: 260, downsample: 2, compressor: 'lz4' }]);
    const attrs = JSON.parse(new TextDecoder().decode(await getObjectBytes(storage, `${row.zarrPrefix}/.zattrs`)));
    expect(attrs.multiscales[0].datasets.map((d: { path: string }) => d.path)).toEqual(['0', '1']);
    const stored = await getObjectBytes(storage, `${row.zarrPrefix}/1/0/0/0/0/0`);
    expect(stored.length).toBeLessThan(512 * 512 * 2);
    expect((await decodeChunk(stored, 'lz4')).length).toBe(512 * 512 * 2);
    expect((await getObjectBytes(storage, row.thumbnailKey!)).subarray(1, 4)).toEqual(new TextEncoder().encode('PNG'));
    // Idempotent: a second delivery of the same job does nothing.
    expect(await runIngest(deps, { organizationId: org.id, imageId: image.id })).toEqual({ skipped: 'READY' });
  });

  it('marks a truncated upload FAILED with a readable reason, and the worker carries on', async () => {
    const { org, image } = await uploaded(file.subarray(0, 100_000));
    expect(await runIngest(deps, { organizationId: org.id, imageId: image.id })).toMatchObject({ status: 'FAILED' });
    const row = await db.image.findUniqueOrThrow({ where: { id: image.id } });
    expect(row.status).toBe('FAILED');
    expect(row.error).toMatch(/ends too early/);
  });

  it('refuses a job whose organisation does not own the image, and images still uploading', async () => {
    const { image } = await uploaded(file);
    const other = await seedOrgWithUser(db);
    expect(await runIngest(deps, { organizationId: other.org.id, imageId: image.id })).toEqual({ skipped: 'missing' });
    const pending = await uploaded(file, 'UPLOADING');
    expect(await runIngest(deps, { organizationId: pending.org.id, imageId: pending.image.id })).toEqual({ skipped: 'UPLOADING' });
  });

  it('re-queues images left QUEUED or INGESTING (Redis keeps nothing on disk; a worker may die mid-ingest)', async () => {
    const { org, image } = await uploaded(file);
    await db.image.update({ where: { id: image.id }, data: { status: 'INGESTING', progress: 0.4 } });
    const redis = createRedis(TEST_REDIS_URL);
    try {
      expect(await requeueStrandedImages(db, redis)).toBeGreaterThanOrEqual(1);
      expect(await db.image.findUniqueOrThrow({ where: { id: image.id } })).toMatchObject({ status: 'QUEUED', progress: 0 });
      const job = await getQueue(redis, INGEST_IMAGE.queue).getJob(image.id);
      expect(job?.data).toEqual({ organizationId: org.id, imageId: image.id });
      await job?.remove();
    } finally {
      redis.disconnect();
    }
  });
});
