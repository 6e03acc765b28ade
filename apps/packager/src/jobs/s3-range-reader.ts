import type { Storage } from '@tessera/storage';

/** A RandomAccessReader over one S3 object: each read is one ranged GET (callers batch small reads). */
export function s3RangeReader(storage: Storage, key: string, size: number) {
  return async (offset: number, length: number, into?: Uint8Array): Promise<Uint8Array> => {
    if (offset >= size || length <= 0) return new Uint8Array(0);
    return storage.fastGetRange(key, offset, Math.min(size, offset + length), into);
  };
}
