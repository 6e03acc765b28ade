import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { S3Config } from './config';
import { localS3Endpoint } from './config';
import { createGetPresigner, createObjectPut, createRangeGet, type GetPresigner, type ObjectPut, type RangeGet } from './signed-requests';

export interface Storage {
  s3: S3Client;
  bucket: string;
  config: S3Config;
  /** PutObject without the SDK's per-request middleware, for bulk writers (signed-requests.ts). */
  fastPut: ObjectPut;
  /** Presigned GET URLs without the SDK's per-request middleware, for hot routes (signed-requests.ts). */
  fastPresignGet: GetPresigner;
  /** Ranged GetObject without the SDK's body streams, for bulk readers (signed-requests.ts). */
  fastGetRange: RangeGet;
}

/**
 * `requestChecksums: 'when-required'` skips the SDK's default CRC32 of every request body, computed in JavaScript:
 * for bulk writers such as ingest (many small chunk PUTs) it doubles throughput; integrity then rests on the server's
 * own checks, as for any plain PUT.
 */
export function createStorage(config: S3Config, opts: { requestChecksums?: 'when-supported' | 'when-required' } = {}): Storage {
  const s3 = new S3Client({
    endpoint: config.endpoint ?? localS3Endpoint(),
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    requestChecksumCalculation: opts.requestChecksums === 'when-required' ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED',
  });
  return { s3, bucket: config.bucket, config, fastPut: createObjectPut(config), fastPresignGet: createGetPresigner(config), fastGetRange: createRangeGet(config) };
}

export async function ensureBucket({ s3, bucket }: Storage): Promise<void> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  }
}

export async function putObject(
  { s3, bucket }: Storage,
  key: string,
  body: Uint8Array | string,
  contentType = 'application/octet-stream',
): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
}

export async function getObjectBytes({ s3, bucket }: Storage, key: string): Promise<Uint8Array> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!out.Body) throw new Error(`S3 object ${key} has no body`);
  return out.Body.transformToByteArray();
}

/** Deletes every object under a prefix (e.g. an image's pyramid); returns how many were removed. */
export async function deletePrefix({ s3, bucket }: Storage, prefix: string): Promise<number> {
  let removed = 0;
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
    if (keys.length) {
      await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys } }));
      removed += keys.length;
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return removed;
}

export async function checkStorage(storage: Storage): Promise<{ ok: boolean; error?: string }> {
  try {
    await storage.s3.send(new HeadBucketCommand({ Bucket: storage.bucket }));
    return { ok: true };
  } catch (e) {
    return { ok: false, error: (e as Error).name || String(e) };
  }
}
