import type { Db } from '@tessera/db';
import { isImagingError } from '@tessera/imaging';
import { INGEST_IMAGE, type JobPayload } from '@tessera/jobs';
import { orgKey, putObject, type Storage } from '@tessera/storage';
import { ingestImage } from '@tessera/zarr';
import { s3RangeReader } from './s3-range-reader';

export interface IngestDeps {
  db: Db;
  storage: Storage;
  /** Most pixel values (width × height × C × Z × T) an image may have. */
  maxPixels: number;
  log?: (msg: string) => void;
}

type Payload = JobPayload<typeof INGEST_IMAGE>;

/** image.ingest: reloads the row (tenant-checked), streams the upload into an OME-Zarr pyramid, records metadata. */
export function ingestImageJob(deps: IngestDeps) {
  return { def: INGEST_IMAGE, handle: (payload: unknown) => runIngest(deps, payload as Payload) };
}

export async function runIngest({ db, storage, maxPixels, log }: IngestDeps, { organizationId, imageId }: Payload) {
  const image = await db.image.findFirst({ where: { id: imageId, organizationId } });
  if (!image || image.status === 'READY' || image.status === 'FAILED' || image.status === 'UPLOADING') {
    return { skipped: image?.status ?? 'missing' };
  }
  await db.image.update({ where: { id: image.id }, data: { status: 'INGESTING', progress: 0, error: null } });
  const zarrPrefix = orgKey(organizationId, 'images', image.id, 'zarr');
  let lastWrite = 0;
  const onProgress = (fraction: number) => {
    const now = Date.now();
    if (now - lastWrite < 1000 && fraction < 1) return;
    lastWrite = now;
    db.image.update({ where: { id: image.id }, data: { progress: Math.min(0.99, fraction) } }).catch(() => undefined);
  };
  try {
    const started = Date.now();
    const r = await ingestImage({
      reader: s3RangeReader(storage, image.sourceKey, Number(image.sizeBytes)),
      size: Number(image.sizeBytes),
      name: image.name,
      // thousands of objects per image: the lean PUT (the SDK's per-request work would dominate)
      sink: (key, bytes) => storage.fastPut(`${zarrPrefix}/${key}`, bytes),
      limits: { maxPixels },
      onProgress,
    });
    const thumbnailKey = orgKey(organizationId, 'images', image.id, 'thumbnail.png');
    await putObject(storage, thumbnailKey, r.thumbnail, 'image/png');
    await db.image.update({
      where: { id: image.id },
      data: {
        status: 'READY', progress: 1, readyAt: new Date(), width: r.width, height: r.height, sizeC: r.sizeC, sizeZ: r.sizeZ,
        sizeT: r.sizeT, dtype: r.dtype, physicalSizeX: r.physicalSizeX ?? null, physicalSizeY: r.physicalSizeY ?? null,
        physicalSizeZ: r.physicalSizeZ ?? null, channels: r.channels as object[], levels: r.levels, chunkSize: r.chunkSize,
        zarrPrefix, thumbnailKey,
      },
    });
    log?.(`ingested ${image.id}: ${r.width}x${r.height}x${r.sizeC} ${r.dtype}, ${r.chunksWritten} chunks in ${Date.now() - started} ms`);
    return { status: 'READY', chunks: r.chunksWritten };
  } catch (e) {
    const reason = isImagingError(e)
      ? e.message
      : 'The image could not be processed because of a problem on our side. Delete it and upload it again; if it keeps failing, contact support.';
    if (!isImagingError(e)) log?.(`ingest ${image.id} failed: ${(e as Error).stack ?? String(e)}`);
    await db.image.update({ where: { id: image.id }, data: { status: 'FAILED', error: reason } });
    return { status: 'FAILED', reason };
  }
}
