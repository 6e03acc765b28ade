import { DEMO_ORG_SLUG, DEMO_PROJECT_NAME, type Db } from '@tessera/db';
import { writeTiff } from '@tessera/imaging';
import { enqueue, INGEST_IMAGE } from '@tessera/jobs';
import { orgKey, putObject, type Storage } from '@tessera/storage';
import type { Redis } from 'ioredis';
import { DEMO_IMAGE_NAME, DEMO_IMAGE_SEED, DEMO_IMAGE_SIZE, demoRandom, drawNuclei } from './demo-image-layout';

export { DEMO_IMAGE_NAME };

/** A synthetic 2048² two-channel 16-bit OME-TIFF: nuclei (DAPI) and a dimmer cytoplasm ring (GFP), 0.325 µm pixels. */
export function generateDemoTiff(size = DEMO_IMAGE_SIZE, seed = DEMO_IMAGE_SEED): Uint8Array {
  const rand = demoRandom(seed);
  const data = new Uint16Array(size * size * 2);
  for (let i = 0; i < size * size; i++) { data[i * 2] = 300 + Math.floor(rand() * 120); data[i * 2 + 1] = 200 + Math.floor(rand() * 80); }
  for (const { x: cx, y: cy, r, brightness: bright } of drawNuclei(rand, size)) {
    for (let y = Math.max(0, Math.floor(cy - 2 * r)); y < Math.min(size, cy + 2 * r); y++) {
      for (let x = Math.max(0, Math.floor(cx - 2 * r)); x < Math.min(size, cx + 2 * r); x++) {
        const d = Math.hypot(x - cx, y - cy) / r;
        const i = (y * size + x) * 2;
        if (d < 1) data[i] = Math.min(65535, data[i]! + bright * (1 - 0.3 * d * d));
        else if (d < 2) data[i + 1] = Math.min(65535, data[i + 1]! + (bright / 3) * (2 - d));
      }
    }
  }
  const plane = { width: size, height: size, channels: 2, dtype: 'uint16' as const, data };
  return writeTiff(
    { width: size, height: size, sizeC: 2, sizeZ: 1, sizeT: 1, dtype: 'uint16', planes: [plane], channelNames: ['DAPI', 'GFP'], channelColors: ['#3b82f6', '#22c55e'], physicalSizeX: 0.325, physicalSizeY: 0.325 },
    { compression: 'deflate', name: 'Generated cells' },
  );
}

/**
 * Adds the generated demo image to the demo project made by seedDemo (`npm start`, `npm run db:seed`) and queues
 * its ingest; idempotent, and a no-op where there is no demo organisation. Runs at packager start because it needs
 * S3 and Redis, which the database-only seedDemo has not got.
 */
export async function seedDemoImage(db: Db, storage: Storage, redis: Redis, projectName = DEMO_PROJECT_NAME) {
  const project = await db.project.findFirst({ where: { name: projectName, organization: { slug: DEMO_ORG_SLUG } } });
  if (!project) return null;
  const existing = await db.image.findFirst({ where: { projectId: project.id, organizationId: project.organizationId, name: DEMO_IMAGE_NAME } });
  if (existing) return existing.id;
  const bytes = generateDemoTiff();
  const row = await db.image.create({
    data: { organizationId: project.organizationId, projectId: project.id, name: DEMO_IMAGE_NAME, status: 'UPLOADING', sizeBytes: bytes.length, sourceKey: '', partSize: bytes.length, partCount: 1, contentType: 'image/tiff' },
  });
  const sourceKey = orgKey(project.organizationId, 'images', row.id, 'source');
  await putObject(storage, sourceKey, bytes, 'image/tiff');
  await db.image.update({ where: { id: row.id }, data: { sourceKey, status: 'QUEUED' } });
  await enqueue(redis, INGEST_IMAGE, { organizationId: project.organizationId, imageId: row.id }, { jobId: row.id });
  return row.id;
}
