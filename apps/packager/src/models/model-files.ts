import type { Db } from '@tessera/db';
import { readModel, type CzModel } from '@tessera/czann';
import { readImage } from '@tessera/imaging';
import type { Raster } from '@tessera/inference';
import { getObjectBytes, putObject, type Storage } from '@tessera/storage';
import { sha256 } from '@tessera/bundle';

/** A stored artefact as recorded on ModelPackage.artifacts / InferenceRun.outputs. */
export interface StoredFile {
  key: string;
  sha256: string;
  bytes: number;
  fileName: string;
}

export async function storeFile(storage: Storage, key: string, data: Uint8Array, fileName: string, contentType: string): Promise<StoredFile> {
  await putObject(storage, key, data, contentType);
  return { key, sha256: sha256(data), bytes: data.length, fileName };
}

/** The version's model file, tenant-checked, read with @tessera/czann. */
export async function loadVersionModel(db: Db, storage: Storage, organizationId: string, versionId: string) {
  const version = await db.modelVersion.findFirst({ where: { id: versionId, organizationId }, include: { model: true } });
  if (!version) throw new Error('The model version no longer exists.');
  const bytes = await getObjectBytes(storage, version.fileKey);
  const model: CzModel = await readModel(bytes);
  return { version, bytes, model };
}

/** First plane of up to `limit` decodable images of the project (golden set for parity), sorted by name. */
export async function projectRasters(db: Db, storage: Storage, organizationId: string, projectId: string, limit = 4) {
  const images = await db.image.findMany({
    where: { organizationId, projectId, status: { in: ['READY', 'QUEUED', 'INGESTING'] }, sizeBytes: { lte: 256 * 1024 * 1024 } },
    orderBy: { name: 'asc' },
    take: limit * 2,
  });
  const out: { name: string; raster: Raster }[] = [];
  for (const img of images) {
    if (out.length >= limit) break;
    try {
      const stack = readImage(await getObjectBytes(storage, img.sourceKey));
      if (stack.planes[0]) out.push({ name: img.name, raster: stack.planes[0] as Raster });
    } catch {
      // formats the TIFF/PNG reader does not decode are left out of the golden set
    }
  }
  return out;
}
