import type { Db } from '@tessera/db';
import { enqueue, INGEST_IMAGE } from '@tessera/jobs';
import {
  abortMultipartUpload, completeMultipartUpload, createMultipartUpload, orgKey, presignUploadPart, type Storage,
} from '@tessera/storage';
import type { Redis } from 'ioredis';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { ApiError, conflict, notFound } from '../errors';
import { toImageDto } from './image-dto';

const MiB = 2 ** 20;
export const MIN_PART_SIZE = 16 * MiB;
const MAX_PARTS = 10_000;

export interface UploadDeps { db: Db; storage: Storage; secret: string }

/** Part size for a file: 16 MiB, or larger so that no upload needs more than 10,000 parts (S3's limit). */
export function choosePartSize(sizeBytes: number): number {
  return Math.max(MIN_PART_SIZE, Math.ceil(sizeBytes / MAX_PARTS / MiB) * MiB);
}

const gib = (n: number) => `${(n / 2 ** 30).toFixed(n < 10 * 2 ** 30 ? 1 : 0)} GiB`;

export async function createImageUpload(
  { db, storage, secret }: UploadDeps, actor: Actor, projectId: string,
  input: { name: string; sizeBytes: number; contentType?: string }, limits: { maxBytes: number },
) {
  const project = await db.project.findFirst({ where: { id: projectId, organizationId: actor.organizationId }, select: { id: true, archivedAt: true } });
  if (!project) throw notFound('Project');
  if (project.archivedAt) throw conflict('This project is archived; unarchive it to add images.');
  if (input.sizeBytes > limits.maxBytes) {
    throw new ApiError('PAYLOAD_TOO_LARGE', `"${input.name}" is ${gib(input.sizeBytes)}; files up to ${gib(limits.maxBytes)} can be uploaded here.`);
  }
  const partSize = choosePartSize(input.sizeBytes);
  const partCount = Math.max(1, Math.ceil(input.sizeBytes / partSize));
  const row = await db.image.create({
    data: {
      organizationId: actor.organizationId, projectId, name: input.name, createdById: actor.userId, sizeBytes: input.sizeBytes,
      contentType: input.contentType || 'application/octet-stream', sourceKey: '', partSize, partCount,
    },
  });
  const sourceKey = orgKey(actor.organizationId, 'images', row.id, 'source');
  let uploadId: string;
  try {
    uploadId = await createMultipartUpload(storage, sourceKey, row.contentType);
  } catch (e) {
    await db.image.delete({ where: { id: row.id } });
    throw e;
  }
  const image = await db.$transaction(async (tx) => {
    const updated = await tx.image.update({ where: { id: row.id }, data: { sourceKey, uploadId } });
    await recordAudit(tx, {
      organizationId: actor.organizationId, actorUserId: actor.userId, action: 'image.upload-started', targetType: 'image',
      targetId: row.id, data: { name: input.name, sizeBytes: input.sizeBytes, projectId },
    });
    return updated;
  });
  return { image: toImageDto(image, secret), upload: { partSize, partCount, partsDone: [] as number[] } };
}

async function uploadingImage(db: Db, actor: Actor, projectId: string, imageId: string) {
  const image = await db.image.findFirst({ where: { id: imageId, projectId, organizationId: actor.organizationId } });
  if (!image) throw notFound('Image');
  return image;
}

function assertUploading(image: { status: string; uploadId: string | null }) {
  if (image.status !== 'UPLOADING' || !image.uploadId) throw conflict('This image has already been uploaded.');
}

/** What is already uploaded, so a browser (after a reload) or a script can resume with the missing parts. */
export async function getUploadState({ db, secret }: UploadDeps, actor: Actor, projectId: string, imageId: string) {
  const image = await uploadingImage(db, actor, projectId, imageId);
  const parts = await db.imageUploadPart.findMany({ where: { imageId }, orderBy: { partNumber: 'asc' }, select: { partNumber: true } });
  return { image: toImageDto(image, secret), upload: { partSize: image.partSize, partCount: image.partCount, partsDone: parts.map((p) => p.partNumber) } };
}

export async function presignParts({ db, storage }: UploadDeps, actor: Actor, projectId: string, imageId: string, partNumbers: number[]) {
  const image = await uploadingImage(db, actor, projectId, imageId);
  assertUploading(image);
  const bad = partNumbers.find((n) => n < 1 || n > image.partCount);
  if (bad !== undefined) throw new ApiError('VALIDATION_FAILED', `Part ${bad} does not exist; this upload has parts 1 to ${image.partCount}.`);
  const parts = await Promise.all(partNumbers.map(async (partNumber) => ({
    partNumber, url: await presignUploadPart(storage, image.sourceKey, image.uploadId!, partNumber, 3600),
  })));
  return { parts };
}

/** Acknowledges a part only when S3's ETag equals the MD5 the browser computed over the bytes it sent. */
export async function recordPart(
  { db }: UploadDeps, actor: Actor, projectId: string, imageId: string,
  input: { partNumber: number; etag: string; md5: string; sizeBytes: number },
) {
  const image = await uploadingImage(db, actor, projectId, imageId);
  assertUploading(image);
  const { partNumber } = input;
  if (partNumber > image.partCount) throw new ApiError('VALIDATION_FAILED', `Part ${partNumber} does not exist.`);
  const expected = partNumber < image.partCount ? image.partSize : Number(image.sizeBytes) - image.partSize * (image.partCount - 1);
  if (input.sizeBytes !== expected) {
    throw new ApiError('VALIDATION_FAILED', `Part ${partNumber} should be ${expected} bytes but was ${input.sizeBytes}; send it again.`);
  }
  const etag = input.etag.replace(/"/g, '').toLowerCase();
  if (etag !== input.md5.toLowerCase()) {
    throw new ApiError('VALIDATION_FAILED', `Part ${partNumber} was damaged in transit (checksum mismatch); send it again.`);
  }
  await db.imageUploadPart.upsert({
    where: { imageId_partNumber: { imageId, partNumber } },
    create: { imageId, partNumber, etag, md5: input.md5.toLowerCase(), sizeBytes: input.sizeBytes },
    update: { etag, md5: input.md5.toLowerCase(), sizeBytes: input.sizeBytes },
  });
  return { partNumber, recorded: true };
}

export async function completeUpload({ db, storage, secret }: UploadDeps, redis: Redis, actor: Actor, projectId: string, imageId: string) {
  const image = await uploadingImage(db, actor, projectId, imageId);
  assertUploading(image);
  const parts = await db.imageUploadPart.findMany({ where: { imageId }, orderBy: { partNumber: 'asc' } });
  if (parts.length !== image.partCount) {
    const have = new Set(parts.map((p) => p.partNumber));
    const missing = Array.from({ length: image.partCount }, (_, i) => i + 1).filter((n) => !have.has(n));
    throw new ApiError('CONFLICT', `The upload is not finished: ${missing.length} of ${image.partCount} parts are missing.`, { missing: missing.slice(0, 100) });
  }
  await completeMultipartUpload(storage, image.sourceKey, image.uploadId!, parts.map((p) => ({ partNumber: p.partNumber, etag: `"${p.etag}"` })));
  const queued = await db.$transaction(async (tx) => {
    const row = await tx.image.update({ where: { id: imageId }, data: { status: 'QUEUED', uploadId: null, progress: 0 } });
    await tx.imageUploadPart.deleteMany({ where: { imageId } });
    await recordAudit(tx, {
      organizationId: actor.organizationId, actorUserId: actor.userId, action: 'image.uploaded', targetType: 'image', targetId: imageId,
      data: { name: image.name, sizeBytes: Number(image.sizeBytes) },
    });
    return row;
  });
  await enqueue(redis, INGEST_IMAGE, { organizationId: actor.organizationId, imageId }, { jobId: imageId });
  return toImageDto(queued, secret);
}

/** Best effort: an upload that is abandoned leaves no parts in S3. */
export async function abortUpload(storage: Storage, image: { sourceKey: string; uploadId: string | null }) {
  if (image.uploadId) await abortMultipartUpload(storage, image.sourceKey, image.uploadId).catch(() => undefined);
}
