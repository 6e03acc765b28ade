import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Storage } from './client';

export const DEFAULT_URL_TTL_S = 300;

export function presignGet({ s3, bucket }: Storage, key: string, opts: { expiresIn?: number; filename?: string } = {}) {
  const disposition = opts.filename ? `attachment; filename="${opts.filename.replace(/["\\]/g, '_')}"` : undefined;
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentDisposition: disposition }), {
    expiresIn: opts.expiresIn ?? DEFAULT_URL_TTL_S,
  });
}

export function presignPut({ s3, bucket }: Storage, key: string, opts: { expiresIn?: number; contentType?: string } = {}) {
  return getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: opts.contentType }), {
    expiresIn: opts.expiresIn ?? DEFAULT_URL_TTL_S,
  });
}

export async function createMultipartUpload({ s3, bucket }: Storage, key: string, contentType?: string): Promise<string> {
  const out = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: contentType }));
  if (!out.UploadId) throw new Error('S3 returned no UploadId');
  return out.UploadId;
}

export function presignUploadPart({ s3, bucket }: Storage, key: string, uploadId: string, partNumber: number, expiresIn = 3600) {
  return getSignedUrl(s3, new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: partNumber }), {
    expiresIn,
  });
}

export async function completeMultipartUpload(
  { s3, bucket }: Storage,
  key: string,
  uploadId: string,
  parts: { partNumber: number; etag: string }[],
) {
  await s3.send(
    new CompleteMultipartUploadCommand({
      Bucket: bucket,
      Key: key,
      UploadId: uploadId,
      MultipartUpload: { Parts: [...parts].sort((a, b) => a.partNumber - b.partNumber).map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) },
    }),
  );
}

export async function abortMultipartUpload({ s3, bucket }: Storage, key: string, uploadId: string) {
  await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
}
