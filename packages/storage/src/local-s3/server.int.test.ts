import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3ServiceException,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { TEST_S3_CONFIG } from '@tessera/testing';
import { BodyWriter, ObjectFiles } from './object-files';
import { abortMultipartUpload, completeMultipartUpload, createGetPresigner, createMultipartUpload, createStorage, presignUploadPart } from '../index';

const storage = createStorage({ ...TEST_S3_CONFIG });
const { s3, bucket } = storage;
const put = (Key: string, Body: string | Uint8Array, extra: Partial<ConstructorParameters<typeof PutObjectCommand>[0]> = {}) =>
  s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body, ...extra }));
const text = async (Key: string) => (await s3.send(new GetObjectCommand({ Bucket: bucket, Key }))).Body!.transformToString();
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as S3ServiceException);
const presign = createGetPresigner({ ...TEST_S3_CONFIG });

describe('the local S3 server', () => {
  it('streams large bodies through reused buffers: a reader that leaves mid-way does not disturb one reading alongside', async () => {
    const big = Buffer.from(new Uint8Array(9 * 2 ** 20 + 5).map((_, i) => (i * 7 + (i >> 20)) & 255));
    await put('stream/big', big);
    const url = await presign('stream/big', { expiresIn: 60 });
    for (let round = 0; round < 3; round++) {
      const quitter = new AbortController();
      const left = fetch(url, { signal: quitter.signal }).then(async (r) => {
        const reader = r.body!.getReader();
        await reader.read();
        quitter.abort();
      }).catch(() => undefined);
      const whole = fetch(url).then(async (r) => new Uint8Array(await r.arrayBuffer()));
      await left;
      expect(Buffer.from(await whole).equals(big), `round ${round}`).toBe(true); // (toEqual takes ~30 s on 9 MiB)
    }
    const range = await fetch(url, { headers: { range: 'bytes=1048570-3145740' } });
    expect(range.status).toBe(206);
    expect(Buffer.from(await range.arrayBuffer()).equals(big.subarray(1048570, 3145741))).toBe(true);
  });
  it('refuses requests signed with the wrong secret, altered after signing, or presigned URLs that expired', async () => {
    const wrong = createStorage({ ...TEST_S3_CONFIG, secretAccessKey: 'not-the-secret' }).s3;
    expect((await failure(wrong.send(new PutObjectCommand({ Bucket: bucket, Key: 'sig/x', Body: 'x' })))).name).toBe('SignatureDoesNotMatch');
    const stranger = createStorage({ ...TEST_S3_CONFIG, accessKeyId: 'someone-else' }).s3;
    expect((await failure(stranger.send(new HeadObjectCommand({ Bucket: bucket, Key: 'sig/x' })))).$metadata.httpStatusCode).toBe(403);

    await put('sig/secret', 'top secret');
    await put('sig/other', 'other');
    const url = await presign('sig/secret', { expiresIn: 60 });
    expect(await (await fetch(url)).text()).toBe('top secret');
    const moved = await fetch(url.replace('sig/secret', 'sig/other'));
    expect(moved.status).toBe(403);
    expect(await moved.text()).toMatch(/<Code>SignatureDoesNotMatch<\/Code>/);
    const unsigned = await fetch(url.split('?')[0]!);
    expect(unsigned.status).toBe(403);
    const old = await presign('sig/secret', { expiresIn: 60, signingDate: new Date(Date.now() - 120_000) });
    const expired = await fetch(old);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toMatch(/Request has expired/);
  });

  it('checks the payload hash and Content-MD5 a writer sends', async () => {
    const body = new TextEncoder().encode('payload');
    const e = await failure(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'sig/md5', Body: body, ContentMD5: Buffer.alloc(16).toString('base64') })));
    expect(e.name).toBe('BadDigest');
    expect((await failure(text('sig/md5'))).name).toBe('NoSuchKey'); // nothing half-written stays
  });

  it('serves ranges, conditional requests, response overrides and CORS as browsers use them', async () => {
    await put('get/obj', 'abcdefghij', { ContentType: 'text/plain', CacheControl: 'max-age=5', Metadata: { owner: 'lab' } });
    const url = await presign('get/obj', { expiresIn: 60, query: { 'response-cache-control': 'private, max-age=600, immutable' } });
    const full = await fetch(url, { headers: { origin: 'http://app.test' } });
    expect(await full.text()).toBe('abcdefghij');
    expect(full.headers.get('cache-control')).toBe('private, max-age=600, immutable');
    expect(full.headers.get('content-type')).toBe('text/plain');
    expect(full.headers.get('x-amz-meta-owner')).toBe('lab');
    expect(full.headers.get('access-control-allow-origin')).toBe('*');
    expect(full.headers.get('access-control-expose-headers')).toMatch(/ETag/);
    const etag = full.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);

    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(url, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
    const part = await fetch(url, { headers: { range: 'bytes=2-4' } });
    expect([part.status, part.headers.get('content-range'), await part.text()]).toEqual([206, 'bytes 2-4/10', 'cde']);
    const suffix = await fetch(url, { headers: { range: 'bytes=-3' } });
    expect(await suffix.text()).toBe('hij');
    const beyond = await fetch(url, { headers: { range: 'bytes=10-20' } });
    expect([beyond.status, beyond.headers.get('content-range')]).toEqual([416, 'bytes */10']);

    const preflight = await fetch(`${TEST_S3_CONFIG.endpoint}/${bucket}/get/obj`, {
      method: 'OPTIONS', headers: { origin: 'http://app.test', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/PUT/);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it('streams large objects and their ranges byte for byte', async () => {
    const big = new Uint8Array(3 * 2 ** 20 + 5).map((_, i) => (i * 13 + (i >> 11)) & 255);
    await put('get/big', big);
    const url = await presign('get/big', { expiresIn: 60 });
    const all = new Uint8Array(await (await fetch(url)).arrayBuffer());
    expect(Buffer.compare(all, big)).toBe(0);
    const mid = new Uint8Array(await (await fetch(url, { headers: { range: 'bytes=1048570-2097160' } })).arrayBuffer());
    expect(Buffer.compare(mid, big.subarray(1048570, 2097161))).toBe(0);
  });

  it('keeps keys apart that share a path (a and a/b), with dots, percent signs and empty segments', async () => {
    const keys = ['keys/a', 'keys/a/b', 'keys/./x', 'keys/../y', 'keys/50%25/z', 'keys/e//f', 'keys/ü b+c'];
    await Promise.all(keys.map((k) => put(k, `value of ${k}`)));
    for (const k of keys) expect(await text(k)).toBe(`value of ${k}`);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'keys/' }));
    expect(listed.Contents!.map((c) => c.Key)).toEqual([...keys].sort());
    expect(listed.Contents!.find((c) => c.Key === 'keys/a')!.Size).toBe('value of keys/a'.length);
    expect((await failure(put('x'.repeat(1100), 'long'))).name).toBe('KeyTooLongError');
  });

  it('lists in pages with continuation tokens and common prefixes, and deletes in bulk (pruning emptied folders)', async () => {
    const keys = Array.from({ length: 7 }, (_, i) => `list/d${i % 2}/k${i}`).concat(['list/top']);
    await Promise.all(keys.map((k) => put(k, k)));
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'list/', MaxKeys: 3, ContinuationToken: token }));
      seen.push(...(page.Contents ?? []).map((c) => c.Key!));
      token = page.NextContinuationToken;
    } while (token);
    expect(seen).toEqual([...keys].sort());
    const grouped = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'list/', Delimiter: '/' }));
    expect(grouped.CommonPrefixes!.map((p) => p.Prefix)).toEqual(['list/d0/', 'list/d1/']);
    expect(grouped.Contents!.map((c) => c.Key)).toEqual(['list/top']);

    const out = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys.map((Key) => ({ Key })) } }));
    expect(out.Deleted).toHaveLength(keys.length);
    expect((await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'list/' }))).KeyCount).toBe(0);
  });

  it('prunes the folders a delete empties, up to the bucket', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'tessera-s3-files-'));
    try {
      const files = new ObjectFiles(root);
      await files.init();
      await files.createBucket('prune-test');
      for (const key of ['a/b/c', 'a/d']) {
        const w = new BodyWriter(files);
        await w.write(Buffer.from(key));
        await w.commit(files.objectPath('prune-test', key), { etag: 'e', type: 'text/plain', headers: {} });
      }
      await files.delete('prune-test', 'a/b/c');
      expect(await readdir(path.join(root, 'prune-test', 'a'))).toEqual(['d%o']);
      await files.delete('prune-test', 'a/d');
      expect(await readdir(path.join(root, 'prune-test'))).toEqual([]);
      expect(await files.list('prune-test', '')).toEqual([]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('joins multipart uploads only from parts that match their ETags, each but the last at least 5 MiB', async () => {
    const MiB = 2 ** 20;
    const sendPart = async (key: string, id: string, n: number, body: Uint8Array) => {
      const res = await fetch(await presignUploadPart(storage, key, id, n), { method: 'PUT', body });
      expect(res.status).toBe(200);
      return { partNumber: n, etag: res.headers.get('etag')! };
    };
    const id = await createMultipartUpload(storage, 'mp/small', 'application/x-test');
    const p1 = await sendPart('mp/small', id, 1, new Uint8Array(MiB).fill(1));
    const p2 = await sendPart('mp/small', id, 2, new Uint8Array(10).fill(2));
    expect((await failure(completeMultipartUpload(storage, 'mp/small', id, [p1, p2]))).name).toBe('EntityTooSmall');
    expect((await failure(completeMultipartUpload(storage, 'mp/small', id, [p1, { ...p2, etag: '"0123"' }]))).name).toBe('InvalidPart');
    await abortMultipartUpload(storage, 'mp/small', id);
    expect((await failure(completeMultipartUpload(storage, 'mp/small', id, [p1]))).name).toBe('NoSuchUpload');

    const id2 = await createMultipartUpload(storage, 'mp/ok', 'application/x-test');
    const a = new Uint8Array(5 * MiB).map((_, i) => i & 255);
    const parts = [await sendPart('mp/ok', id2, 1, a), await sendPart('mp/ok', id2, 2, new Uint8Array([9, 8, 7]))];
    await completeMultipartUpload(storage, 'mp/ok', id2, parts);
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'mp/ok' }));
    expect([head.ContentLength, head.ContentType, head.ETag]).toEqual([5 * MiB + 3, 'application/x-test', expect.stringMatching(/^"[0-9a-f]{32}-2"$/)]);
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'mp/ok', Range: `bytes=${5 * MiB - 2}-` }));
    expect([...(await got.Body!.transformToByteArray())]).toEqual([254, 255, 9, 8, 7]);
  });
});
