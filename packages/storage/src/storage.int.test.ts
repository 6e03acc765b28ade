import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TEST_S3_CONFIG } from '@tessera/testing';
import {
  completeMultipartUpload,
  createMultipartUpload,
  createStorage,
  deletePrefix,
  getObjectBytes,
  orgKey,
  presignGet,
  presignPut,
  presignUploadPart,
  putObject,
  checkStorage,
} from './index';

const storage = createStorage({ ...TEST_S3_CONFIG });
const MiB = 1024 * 1024;

describe('storage against the local S3 server', () => {
  it('builds tenant keys and refuses traversal', () => {
    expect(orgKey('org1', 'images', 'img1', 'raw.tif')).toBe('org/org1/images/img1/raw.tif');
    expect(() => orgKey('org1', '..', 'x')).toThrow(/Invalid storage key/);
    expect(() => orgKey('org1', 'a/b')).toThrow();
    expect(() => orgKey('')).toThrow();
  });

  it('puts, gets, presigns GET and PUT, and deletes by prefix', async () => {
    expect(await checkStorage(storage)).toEqual({ ok: true });
    const key = orgKey('orgS', 'files', 'hello.txt');
    await putObject(storage, key, 'hello');
    expect(new TextDecoder().decode(await getObjectBytes(storage, key))).toBe('hello');
    const got = await fetch(await presignGet(storage, key));
    expect(await got.text()).toBe('hello');

    const putKey = orgKey('orgS', 'files', 'put.bin');
    const put = await fetch(await presignPut(storage, putKey), { method: 'PUT', body: new Uint8Array([1, 2, 3]) });
    expect(put.ok).toBe(true);
    expect([...(await getObjectBytes(storage, putKey))]).toEqual([1, 2, 3]);

    expect(await deletePrefix(storage, 'org/orgS/files/')).toBe(2);
    await expect(getObjectBytes(storage, key)).rejects.toThrow();
  });

  it('uploads multipart through presigned part URLs, parts in any order, and can resume with the ETags recorded so far', async () => {
    const key = orgKey('orgM', 'uploads', 'big.bin');
    const data = new Uint8Array(11 * MiB).map((_, i) => (i * 7) % 251);
    const parts = [data.subarray(0, 5 * MiB), data.subarray(5 * MiB, 10 * MiB), data.subarray(10 * MiB)];
    const uploadId = await createMultipartUpload(storage, key);
    // The platform records each part's ETag as the browser reports it (no ListParts needed), so a reloaded
    // page sends only the parts that are missing.
    const recorded: { partNumber: number; etag: string }[] = [];
    const sendPart = async (i: number) => {
      const res = await fetch(await presignUploadPart(storage, key, uploadId, i + 1), { method: 'PUT', body: parts[i] });
      expect(res.ok).toBe(true);
      recorded.push({ partNumber: i + 1, etag: res.headers.get('etag') ?? '' });
    };
    await sendPart(2);
    await sendPart(0);
    await sendPart(1);
    expect(recorded.every((p) => p.etag.length > 2)).toBe(true);
    await completeMultipartUpload(storage, key, uploadId, recorded);
    const back = await getObjectBytes(storage, key);
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(back.byteLength).toBe(data.byteLength);
    expect(sha(back)).toBe(sha(data));
    await deletePrefix(storage, 'org/orgM/');
  });
});
