import { createHash, createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { SignatureV4 } from '@smithy/signature-v4';
import type { S3Config } from './config';
import { localS3Endpoint } from './config';

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
  const secure = sign.protocol === 'https:';
  const agent = secure ? new https.Agent({ keepAlive: true, maxSockets: 32 }) : new http.Agent({ keepAlive: true, maxSockets: 32 });
  const put = async (key: string, body: Uint8Array, contentType?: string) => {
    const r = await sign(key, body, contentType);
    await send(secure ? https : http, { agent, method: 'PUT', host: r.hostname, port: r.port, path: r.path, headers: r.headers }, body);
  };
  return async (key, body, contentType) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await put(key, body, contentType);
      } catch (e) {
        if (attempt >= 2 || !(e as { retryable?: boolean }).retryable) throw e;
        await new Promise((r) => setTimeout(r, 100 * 4 ** attempt));
      }
    }
  };
}

/** Where a bucket's objects are addressed and the SDK's own SigV4 signer for them. */
function s3Target(config: S3Config, bucket: string, applyChecksum: boolean) {
  const base = new URL(config.endpoint ?? localS3Endpoint());
  const basePath = base.pathname.replace(/\/$/, '');
  const hostname = config.forcePathStyle ? base.hostname : `${bucket}.${base.hostname}`;
  return {
    protocol: base.protocol,
    hostname,
    host: base.port ? `${hostname}:${base.port}` : hostname,
    port: base.port ? Number(base.port) : undefined,
    path: (key: string) => (config.forcePathStyle ? `${basePath}/${bucket}/${encodeKey(key)}` : `${basePath}/${encodeKey(key)}`),
    signer: new SignatureV4({
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      region: config.region,
      service: 's3',
      sha256: NodeSha256,
      uriEscapePath: false,
      applyChecksum,
    }),
  };
}

/** The signed request line and headers of a PutObject, as the SDK would send them. */
export function createPutSigner(config: S3Config, bucket = config.bucket) {
  const t = s3Target(config, bucket, true);
  const sign = async (key: string, body: Uint8Array, contentType = 'application/octet-stream') => {
    const path = t.path(key);
    const signed = await t.signer.sign({
      method: 'PUT', protocol: t.protocol, hostname: t.hostname, port: t.port, path, query: {},
      headers: { host: t.host, 'content-type': contentType, 'content-length': String(body.byteLength) },
      body,
    });
    return { hostname: t.hostname, port: t.port, path, headers: signed.headers as Record<string, string> };
  };
  return Object.assign(sign, { protocol: t.protocol });
}

/**
 * Presigned GET URLs without the SDK's per-request middleware (~0.4 ms each), equal to the SDK presigner's: the chunk
 * route signs one per pyramid chunk a viewer asks for. `query` carries response overrides (response-cache-control,
 * response-content-type).
 */
export type GetPresigner = (key: string, opts: { expiresIn: number; signingDate?: Date; query?: Record<string, string> }) => Promise<string>;

export function createGetPresigner(config: S3Config, bucket = config.bucket): GetPresigner {
  const t = s3Target(config, bucket, false);
  return async (key, opts) => {
    const path = t.path(key);
    const signed = await t.signer.presign(
      // S3 signs presigned URLs over an unsigned payload; the SDK's presigner names the header exactly so
      { method: 'GET', protocol: t.protocol, hostname: t.hostname, port: t.port, path, query: opts.query ?? {}, headers: { host: t.host, 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' } },
      { expiresIn: opts.expiresIn, signingDate: opts.signingDate },
    );
    const q = Object.entries(signed.query ?? {}).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&');
    return `${t.protocol}//${t.host}${path}?${q}`;
  };
}

/** S3 key → URI path, as the SDK encodes it: every byte escaped except unreserved characters and '/'. */
function encodeKey(key: string): string {
  return key.split('/').map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
}

function send(mod: typeof http | typeof https, opts: http.RequestOptions, body: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = mod.request(opts, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve();
        const text = Buffer.concat(parts).toString().slice(0, 300);
        reject(Object.assign(new Error(`S3 PUT ${opts.path} answered ${status}: ${text}`), { retryable: status >= 500 || status === 429 }));
      });
      res.on('error', (e) => reject(Object.assign(e, { retryable: true })));
    });
    req.on('error', (e) => reject(Object.assign(e, { retryable: true })));
    req.end(body);
  });
}
