import { createHash, createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { SignatureV4 } from '@smithy/signature-v4';
import type { S3Config } from './config';
import { localS3Endpoint } from './config';
import { rawGetClient, type RawAnswer } from './raw-http-get';
import { presignGetQuery, uriEncode } from './sigv4';

/** node:crypto behind the Checksum interface the SDK's signer takes. */
type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: Data) => (typeof d === 'string' ? d : ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : new Uint8Array(d));

class NodeSha256 {
  private hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  constructor(private readonly secret?: Data) {
    this.hash = this.fresh();
  }
  private fresh() {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(this.secret));
  }
  update(data: Data) {
    this.hash.update(bytes(data));
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
  reset() {
    this.hash = this.fresh();
  }
}

export type ObjectPut = (key: string, body: Uint8Array, contentType?: string) => Promise<void>;

/**
 * PutObject without the SDK's per-request middleware (serialisation, endpoint rules, retry, logging), which costs a
 * bulk writer such as ingest about 2 ms of its thread per object: the request is signed by the SDK's own SigV4 signer
 * exactly as the SDK signs it (payload hash included) and sent on a keep-alive connection. Network errors and 5xx
 * answers are retried twice. For objects of any size that fit in memory.
 */
export function createObjectPut(config: S3Config, bucket = config.bucket): ObjectPut {
  const sign = createPutSigner(config, bucket);
  const client = keepAliveClient(sign.protocol);
  return (key, body, contentType) =>
    withRetries(async () => {
      const r = await sign(key, body, contentType);
      await client.send({ method: 'PUT', host: r.hostname, port: r.port, path: r.path, headers: r.headers }, body);
    });
}

/**
 * Bytes [start, end) of an object (fewer if it is shorter), or throws. With `into` (at least end - start bytes) the
 * answer is written there and a view of it returned: memory already in use, not fresh pages for every read.
 */
export type RangeGet = (key: string, start: number, end: number, into?: Uint8Array) => Promise<Uint8Array>;

/**
 * Ranged GetObject without the SDK's body streams: the answer is copied once into a buffer of its Content-Length
 * (the SDK's transformToByteArray costs a bulk reader such as ingest ~4 ms of its thread per MiB), over plain HTTP
 * with socket reads into reused memory (raw-http-get.ts). Presigned as the GET presigner below signs, keep-alive,
 * network errors and 5xx retried twice.
 */
export function createRangeGet(config: S3Config, bucket = config.bucket): RangeGet {
  const t = s3Target(config, bucket);
  const send = rangeSender(t);
  return (key, start, end, into) =>
    withRetries(async () => {
      const path = presignedPath(t, key, { expiresIn: 900 });
      const res = await send(path, { range: `bytes=${start}-${end - 1}` }, into);
      // the answer may start before the range: the whole object (200, as HTTP allows), or a server's 206 for bytes=0-0
      // which runs to the object's end
      const from = res.status === 206 ? Number(/bytes (\d+)-/.exec(res.contentRange ?? '')?.[1] ?? start) : 0;
      return res.body.subarray(start - from, end - from);
    });
}

/** GETs of a target: raw-http-get.ts over plain HTTP, Node's HTTPS client otherwise. */
function rangeSender(t: S3Target): (path: string, headers: Record<string, string>, into?: Uint8Array) => Promise<RawAnswer> {
  if (t.protocol === 'http:') {
    const raw = rawGetClient(t.hostname, t.port ?? 80, t.host);
    return (path, headers, into) => raw.get(path, headers, into);
  }
  const client = keepAliveClient(t.protocol);
  return (path, headers, into) => client.send({ method: 'GET', host: t.hostname, port: t.port, path, headers }, undefined, into);
}

/** Where a bucket's objects are addressed, and with which credentials. */
function s3Target(config: S3Config, bucket: string) {
  const base = new URL(config.endpoint ?? localS3Endpoint());
  const basePath = base.pathname.replace(/\/$/, '');
  const hostname = config.forcePathStyle ? base.hostname : `${bucket}.${base.hostname}`;
  return {
    config,
    protocol: base.protocol,
    hostname,
    host: base.port ? `${hostname}:${base.port}` : hostname,
    port: base.port ? Number(base.port) : undefined,
    path: (key: string) => (config.forcePathStyle ? `${basePath}/${bucket}/${encodeKey(key)}` : `${basePath}/${encodeKey(key)}`),
  };
}

type S3Target = ReturnType<typeof s3Target>;

/** The signed request line and headers of a PutObject, as the SDK would send them. */
export function createPutSigner(config: S3Config, bucket = config.bucket) {
  const t = s3Target(config, bucket);
  // the SDK's own SigV4 signer, payload hash included, as the SDK's PutObject signs
  const signer = new SignatureV4({
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    region: config.region,
    service: 's3',
    sha256: NodeSha256,
    uriEscapePath: false,
    applyChecksum: true,
  });
  const sign = async (key: string, body: Uint8Array, contentType = 'application/octet-stream') => {
    const path = t.path(key);
    const signed = await signer.sign({
      method: 'PUT', protocol: t.protocol, hostname: t.hostname, port: t.port, path, query: {},
      headers: { host: t.host, 'content-type': contentType, 'content-length': String(body.byteLength) },
      body,
    });
    return { hostname: t.hostname, port: t.port, path, headers: signed.headers as Record<string, string> };
  };
  return Object.assign(sign, { protocol: t.protocol });
}

/**
 * Presigned GET URLs without the SDK (its presigner costs ~0.4 ms, its SignatureV4 ~70 µs a URL; this ~25 µs), equal
 * to the SDK presigner's: the chunk route signs one per pyramid chunk a viewer asks for. `query` carries response
 * overrides (response-cache-control, response-content-type).
 */
export type GetPresigner = (key: string, opts: { expiresIn: number; signingDate?: Date; query?: Record<string, string> }) => Promise<string>;

export function createGetPresigner(config: S3Config, bucket = config.bucket): GetPresigner {
  const t = s3Target(config, bucket);
  return async (key, opts) => `${t.protocol}//${t.host}${presignedPath(t, key, opts)}`;
}

/** The path and query of a presigned GET (what follows the host in its URL), signed as the SDK's presigner signs it. */
function presignedPath(t: S3Target, key: string, opts: Parameters<GetPresigner>[1]): string {
  const path = t.path(key);
  const { accessKeyId, secretAccessKey, region } = t.config;
  return `${path}?${presignGetQuery({ host: t.host, path, query: opts.query ?? {}, accessKeyId, secretAccessKey, region, signingDate: opts.signingDate ?? new Date(), expiresIn: opts.expiresIn })}`;
}

/** S3 key → URI path, as the SDK encodes it: every byte escaped except unreserved characters and '/'. */
function encodeKey(key: string): string {
  return key.split('/').map(uriEncode).join('/');
}

async function withRetries<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (n >= 2 || !(e as { retryable?: boolean }).retryable) throw e;
      await new Promise((r) => setTimeout(r, 100 * 4 ** n));
    }
  }
}

/**
 * One keep-alive agent per client; `send` resolves a 2xx answer (its body collected into one buffer: `into` when it
 * is large enough) or rejects.
 */
function keepAliveClient(protocol: string) {
  const secure = protocol === 'https:';
  const mod = secure ? https : http;
  const agent = secure ? new https.Agent({ keepAlive: true, maxSockets: 32 }) : new http.Agent({ keepAlive: true, maxSockets: 32 });
  return {
    send(opts: http.RequestOptions, body?: Uint8Array, into?: Uint8Array): Promise<RawAnswer> {
      return new Promise((resolve, reject) => {
        const req = mod.request({ ...opts, agent }, (res) => {
          const status = res.statusCode ?? 0;
          const ok = status >= 200 && status < 300;
          const length = Number(res.headers['content-length']);
          // a 2xx body of known length is copied once into its own buffer; anything else is gathered
          const known = ok && Number.isSafeInteger(length);
          const out = known && into && into.byteLength >= length ? into.subarray(0, length) : known ? Buffer.allocUnsafe(length) : undefined;
          const parts: Buffer[] = [];
          let at = 0;
          res.on('data', (d: Buffer) => {
            if (out) at += d.copy(out, at);
            else parts.push(d);
          });
          res.on('end', () => {
            const where = `S3 ${opts.method} ${opts.path?.split('?')[0]}`;
            if (out && at !== out.length) return reject(Object.assign(new Error(`${where}: the answer ended after ${at} of ${out.length} bytes`), { retryable: true }));
            const bytes = out ?? Buffer.concat(parts);
            if (ok) return resolve({ status, contentRange: res.headers['content-range'], body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) });
            reject(Object.assign(new Error(`${where} answered ${status}: ${bytes.toString().slice(0, 300)}`), { retryable: status >= 500 || status === 429 }));
          });
          res.on('error', (e) => reject(Object.assign(e, { retryable: true })));
        });
        req.on('error', (e) => reject(Object.assign(e, { retryable: true })));
        req.end(body);
      });
    },
  };
}
