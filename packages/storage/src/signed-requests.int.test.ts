import { afterEach, describe, expect, it, vi } from 'vitest';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { TEST_S3_CONFIG } from '@tessera/testing';
import { createGetPresigner, createObjectPut, createPutSigner, createRangeGet, createStorage, getObjectBytes } from './index';

const storage = createStorage({ ...TEST_S3_CONFIG });
afterEach(() => vi.useRealTimers());

/** What the SDK's own PutObject would put on the wire (captured before sending). */
async function sdkPut(config: typeof TEST_S3_CONFIG, key: string, body: Uint8Array, contentType: string) {
  let sent: { path: string; headers: Record<string, string> } | undefined;
  const client = new S3Client({
    endpoint: config.endpoint, region: config.region, forcePathStyle: config.forcePathStyle, requestChecksumCalculation: 'WHEN_REQUIRED',
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    requestHandler: {
      handle: async (req: { path: string; headers: Record<string, string> }) => {
        sent = { path: req.path, headers: req.headers };
        return { response: { statusCode: 200, headers: {}, body: undefined } };
      },
    } as never,
  });
  // the SDK also signs its bookkeeping (user agent, invocation id, attempt headers; ?x-id=PutObject); without it the
  // SDK must sign exactly as we do
  client.middlewareStack.addRelativeTo(
    ((next: (a: unknown) => Promise<unknown>) => async (args: { request: { headers: Record<string, string>; query: Record<string, string> } }) => {
      for (const h of ['user-agent', 'x-amz-user-agent', 'amz-sdk-invocation-id', 'amz-sdk-request']) delete args.request.headers[h];
      args.request.query = {};
      return next(args);
    }) as never,
    { relation: 'before', toMiddleware: 'httpSigningMiddleware', name: 'dropBookkeepingHeaders' },
  );
  await client.send(new PutObjectCommand({ Bucket: config.bucket, Key: key, Body: body, ContentType: contentType }));
  return sent!;
}

describe('createObjectPut (PutObject without the SDK middleware)', () => {
  it('signs exactly as the SDK signs the same request', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-25T10:00:00Z'), toFake: ['Date'] });
    const body = new Uint8Array(1000).map((_, i) => i * 7);
    for (const key of ['org/o1/images/i1/zarr/0/0/1/0/2/3', 'org/o1/images/i1/zarr/.zattrs', 'a b/ü+(x)*!.bin']) {
      const ours = await createPutSigner({ ...TEST_S3_CONFIG })(key, body, 'application/octet-stream');
      const sdk = await sdkPut({ ...TEST_S3_CONFIG }, key, body, 'application/octet-stream');
      expect(ours.path, key).toBe(sdk.path);
      expect(ours.headers.authorization, key).toBe(sdk.headers.authorization);
      expect(ours.headers['x-amz-content-sha256']).toBe(sdk.headers['x-amz-content-sha256']);
    }
  });

  it('stores objects the SDK reads back byte for byte, with their content type', async () => {
    const put = createObjectPut({ ...TEST_S3_CONFIG });
    const objects = Array.from({ length: 20 }, (_, k) => [`test/signed-put/${k}/chunk`, new Uint8Array(5000 + k).map((_, i) => (i * k) & 255)] as const);
    await Promise.all(objects.map(([key, body]) => put(key, body)));
    for (const [key, body] of objects) expect(await getObjectBytes(storage, key)).toEqual(body);
    await put('test/signed-put/meta.json', new TextEncoder().encode('{"a":1}'), 'application/json');
    const head = await storage.s3.send(new (await import('@aws-sdk/client-s3')).HeadObjectCommand({ Bucket: storage.bucket, Key: 'test/signed-put/meta.json' }));
    expect(head.ContentType).toBe('application/json');
  });

  it('reports a refused write (no bucket) as an error that names the key', async () => {
    const put = createObjectPut({ ...TEST_S3_CONFIG }, 'no-such-bucket-here');
    await expect(put('k/x', new Uint8Array(3))).rejects.toThrow(/k\/x answered 404/);
  });
});

describe('createGetPresigner (presigned GET without the SDK middleware)', () => {
  it('gives the URL the SDK presigner gives for the same request', async () => {
    const { GetObjectCommand } = await import('@aws-sdk/client-s3');
    const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
    const signingDate = new Date('2026-11-25T10:00:00Z');
    const presign = createGetPresigner({ ...TEST_S3_CONFIG });
    for (const key of ['org/o1/images/i1/zarr/0/0/1/0/2/3', 'a b/ü+(x)*!.bin']) {
      const sdk = await getSignedUrl(
        storage.s3,
        new GetObjectCommand({ Bucket: storage.bucket, Key: key, ResponseCacheControl: 'private, max-age=600, immutable', ResponseContentType: 'application/octet-stream' }),
        { expiresIn: 600, signingDate },
      );
      // the SDK adds its own bookkeeping parameters; given the same, the signature and URL must be the same
      const extra = Object.fromEntries([...new URL(sdk).searchParams].filter(([k]) => !k.startsWith('X-Amz-')));
      const ours = await presign(key, { expiresIn: 600, signingDate, query: extra });
      const params = (u: string) => Object.fromEntries(new URL(u).searchParams);
      expect(new URL(ours).pathname, key).toBe(new URL(sdk).pathname);
      expect(params(ours), key).toEqual(params(sdk));
    }
  });

  it('reads back an object through the URL it signs', async () => {
    await storage.s3.send(new PutObjectCommand({ Bucket: storage.bucket, Key: 'test/presign/x', Body: new Uint8Array([1, 2, 3]) }));
    const url = await createGetPresigner({ ...TEST_S3_CONFIG })('test/presign/x', { expiresIn: 60, query: { 'response-content-type': 'application/x-test' } });
    const res = await fetch(url);
    expect(res.headers.get('content-type')).toBe('application/x-test');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });
});

describe('createRangeGet (ranged GetObject without the SDK body streams)', () => {
  const get = createRangeGet({ ...TEST_S3_CONFIG });
  const body = new Uint8Array(3 * 2 ** 20 + 17).map((_, i) => (i * 31 + (i >> 9)) & 255);

  it('returns exactly the bytes of each range, fewer at the end of the object', async () => {
    await storage.s3.send(new PutObjectCommand({ Bucket: storage.bucket, Key: 'test/range/big', Body: body }));
    for (const [start, end] of [[0, 1], [0, 100], [5, 2 ** 20 + 3], [2 ** 20, 3 * 2 ** 20], [body.length - 10, body.length]] as const) {
      expect(await get('test/range/big', start, end), `${start}-${end}`).toEqual(body.subarray(start, end));
    }
    expect(await get('test/range/big', body.length - 5, body.length + 100)).toEqual(body.subarray(body.length - 5));
  });

  it('writes a range into the caller\'s array when it has room (a view of it comes back), else into its own', async () => {
    await storage.s3.send(new PutObjectCommand({ Bucket: storage.bucket, Key: 'test/range/into', Body: body }));
    const into = new Uint8Array(2 ** 20 + 8).fill(7);
    const got = await get('test/range/into', 1000, 1000 + 2 ** 20, into);
    expect(got.buffer).toBe(into.buffer);
    expect(got.byteOffset).toBe(0);
    expect(got).toEqual(body.subarray(1000, 1000 + 2 ** 20));
    expect(into.subarray(2 ** 20)).toEqual(new Uint8Array(8).fill(7));
    const small = new Uint8Array(10);
    const other = await get('test/range/into', 0, 100, small);
    expect(other.buffer).not.toBe(small.buffer);
    expect(other).toEqual(body.subarray(0, 100));
  });

  it('reports a missing object as an error that names the key, without retrying', async () => {
    const error = await get('test/range/missing', 0, 10).catch((e: unknown) => e);
    expect(String(error)).toMatch(/GET \/tessera-test\/test\/range\/missing answered 404/);
    expect(error).toMatchObject({ retryable: false });
  });
});
