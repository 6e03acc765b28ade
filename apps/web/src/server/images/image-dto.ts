import { z } from 'zod';
import type { Db } from '@tessera/db';
import { signedFileUrl } from './signed-url';

export const ImageChannelSchema = z.object({
  name: z.string(),
  color: z.string(),
  min: z.number(),
  max: z.number(),
  histogram: z.object({ counts: z.array(z.number()), edges: z.array(z.number()), min: z.number(), max: z.number(), total: z.number() }),
  contrast: z.tuple([z.number(), z.number()]),
});
export type ImageChannel = z.infer<typeof ImageChannelSchema>;

export const ImageLevelSchema = z.object({ width: z.number(), height: z.number(), downsample: z.number(), compressor: z.enum(['lz4', 'zlib']).nullable().optional() });

export const ImageSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  name: z.string(),
  status: z.enum(['UPLOADING', 'QUEUED', 'INGESTING', 'READY', 'FAILED']),
  progress: z.number(),
  error: z.string().nullable(),
  sizeBytes: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  sizeC: z.number().nullable(),
  sizeZ: z.number().nullable(),
  sizeT: z.number().nullable(),
  dtype: z.string().nullable(),
  physicalSizeX: z.number().nullable(),
  physicalSizeY: z.number().nullable(),
  channels: z.array(ImageChannelSchema),
  levels: z.array(ImageLevelSchema),
  chunkSize: z.number().nullable(),
  /** Signed, expiring, cacheable URLs (no cookie needed); null until READY. */
  thumbnailUrl: z.string().nullable(),
  zarrUrl: z.string().nullable(),
  createdAt: z.string(),
  readyAt: z.string().nullable(),
});
export type ImageDto = z.infer<typeof ImageSchema>;

export type ImageRow = NonNullable<Awaited<ReturnType<Db['image']['findUnique']>>>;

export function toImageDto(row: ImageRow, secret: string, now = Date.now()): ImageDto {
  const ready = row.status === 'READY';
  const sign = (file: string) => signedFileUrl(secret, row.organizationId, row.projectId, row.id, file, now);
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    status: row.status,
    progress: row.progress,
    error: row.error,
    sizeBytes: Number(row.sizeBytes),
    width: row.width,
    height: row.height,
    sizeC: row.sizeC,
    sizeZ: row.sizeZ,
    sizeT: row.sizeT,
    dtype: row.dtype,
    physicalSizeX: row.physicalSizeX,
    physicalSizeY: row.physicalSizeY,
    channels: (row.channels ?? []) as ImageChannel[],
    levels: (row.levels ?? []) as ImageDto['levels'],
    chunkSize: row.chunkSize,
    thumbnailUrl: ready && row.thumbnailKey ? sign('thumbnail.png') : null,
    zarrUrl: ready && row.zarrPrefix ? sign('zarr') : null,
    createdAt: row.createdAt.toISOString(),
    readyAt: row.readyAt?.toISOString() ?? null,
  };
}
