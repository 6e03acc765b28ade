import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { Storage } from '@tessera/storage';

/** A RandomAccessReader over one S3 object: each read is one ranged GET (callers batch small reads). */
export function s3RangeReader({ s3, bucket }: Storage, key: string, size: number) {
  return async (offset: number, length: number): Promise<Uint8Array> => {
    if (offset >= size || length <= 0) return new Uint8Array(0);
    const end = Math.min(size, offset + length) - 1;
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${offset}-${end}` }));
    if (!out.Body) throw new Error(`S3 object ${key} has no body`);
    return out.Body.transformToByteArray();
  };
}
