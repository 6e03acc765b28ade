import { randomBytes } from 'node:crypto';
import { close, closeSync, read } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { BodyWriter, ObjectFiles, type OpenedObject, type StoredMeta } from './object-files';
import { errorXml, S3Fault, xmlEscape, xmlValues } from './faults';
import { uriEncode } from '../sigv4';
import { parseQuery, verifySigV4, type Credentials } from './verify-sigv4';

/**
 * The local S3 server (development, tests, the demo, benchmarks): the S3 REST API over HTTP, path-style, for the calls
 * Tessera and browsers make (buckets: create, head, list objects v2, delete objects; objects: put, get with ranges,
 * conditions and response-* overrides, head, delete; multipart uploads), with AWS Signature V4 verified in headers
 * and presigned URLs (expiry included) and the payload's SHA-256 and Content-MD5 checked when sent. Browsers may call
 * it from any origin (GET, PUT, HEAD; ETag exposed), as the CORS rule on a real bucket would allow. Objects are files
 * (object-files.ts); all state is on disk, so several processes may serve one directory.
 */
export async function createLocalS3Server(opts: { directory: string; credentials: Credentials[]; buckets?: string[] }): Promise<http.Server> {
  const files = new ObjectFiles(opts.directory);
  await files.init();
  for (const bucket of opts.buckets ?? []) await files.createBucket(bucket);
  const server = http.createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    handle(req, res, files, opts.credentials).catch((e: unknown) => {
      console.error('local S3: unexpected failure', e);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  return server;
}

const STORED_HEADERS = ['cache-control', 'content-disposition', 'content-encoding', 'content-language', 'expires'];
const OVERRIDES: Record<string, string> = {
  'response-cache-control': 'cache-control', 'response-content-disposition': 'content-disposition', 'response-content-encoding': 'content-encoding',
  'response-content-language': 'content-language', 'response-content-type': 'content-type', 'response-expires': 'expires',
};
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';

async function handle(req: IncomingMessage, res: ServerResponse, files: ObjectFiles, credentials: Credentials[]): Promise<void> {
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  res.setHeader('x-amz-request-id', requestId);
  if (req.headers.origin) {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-expose-headers', 'ETag, x-amz-request-id, Content-Range, Content-Length');
  }
  const url = req.url ?? '/';
  const qAt = url.indexOf('?');
  const rawPath = qAt < 0 ? url : url.slice(0, qAt);
  try {
    if (req.method === 'OPTIONS') return preflight(req, res);
    const query = parseQuery(qAt < 0 ? '' : url.slice(qAt + 1));
    const q = new Map(query);
    const { payloadHash } = verifySigV4(req, rawPath, query, credentials);
    const slash = rawPath.indexOf('/', 1);
    const bucket = decode(slash < 0 ? rawPath.slice(1) : rawPath.slice(1, slash));
    const key = slash < 0 ? '' : decode(rawPath.slice(slash + 1));
    const ctx: Ctx = { req, res, files, q, bucket, key, payloadHash };
    if (!bucket) {
      if (req.method === 'GET') return await listBuckets(ctx);
    } else if (!key) {
      if (req.method === 'PUT' && !query.length) return await ok(ctx, files.createBucket(bucket), { location: `/${bucket}` });
      if (req.method === 'HEAD') return await ok(ctx, files.requireBucket(bucket));
      if (req.method === 'DELETE' && !query.length) return await ok(ctx, files.deleteBucket(bucket), {}, 204);
      if (req.method === 'GET' && q.get('list-type') === '2') return await listObjects(ctx);
      if (req.method === 'POST' && q.has('delete')) return await deleteObjects(ctx);
    } else {
      const uploadId = q.get('uploadId');
      if (req.method === 'GET' || req.method === 'HEAD') return await getObject(ctx);
      if (req.method === 'PUT' && req.headers['x-amz-copy-source']) throw new S3Fault(501, 'NotImplemented', 'The local S3 server does not copy objects.');
      if (req.method === 'PUT' && uploadId) return await uploadPart(ctx, uploadId);
      if (req.method === 'PUT') return await putObject(ctx);
      if (req.method === 'POST' && q.has('uploads')) return await createUpload(ctx);
      if (req.method === 'POST' && uploadId) return await completeUpload(ctx, uploadId);
      if (req.method === 'DELETE' && uploadId) return await ok(ctx, files.abortUpload(uploadId, bucket, key), {}, 204);
      if (req.method === 'DELETE') return await ok(ctx, files.delete(bucket, key), {}, 204);
    }
    throw new S3Fault(501, 'NotImplemented', `The local S3 server does not implement ${req.method} ${rawPath}${qAt < 0 ? '' : ' with ' + [...q.keys()].join(', ')}.`);
  } catch (e) {
    if (!(e instanceof S3Fault)) throw e;
    const body = req.method === 'HEAD' ? undefined : errorXml(e, rawPath, requestId);
    if (!res.headersSent) res.writeHead(e.status, { 'content-type': 'application/xml', ...(e.status === 416 && e.extra.ActualObjectSize ? { 'content-range': `bytes */${e.extra.ActualObjectSize}` } : {}) });
    res.end(body);
    req.resume(); // an unread body must not stall the connection
  }
}

interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  files: ObjectFiles;
  q: Map<string, string>;
  bucket: string;
  key: string;
  payloadHash: string;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new S3Fault(400, 'InvalidURI', "Couldn't parse the specified URI.");
  }
}

async function ok(ctx: Ctx, work: Promise<unknown>, headers: Record<string, string> = {}, status = 200): Promise<void> {
  await work;
  ctx.res.writeHead(status, headers).end();
}

function sendXml(res: ServerResponse, xml: string): void {
  const body = Buffer.from(XML_HEAD + xml);
  res.writeHead(200, { 'content-type': 'application/xml', 'content-length': body.length }).end(body);
}

function preflight(req: IncomingMessage, res: ServerResponse): void {
  const method = String(req.headers['access-control-request-method'] ?? '');
  if (!req.headers.origin || !['GET', 'PUT', 'HEAD'].includes(method)) {
    throw new S3Fault(403, 'AccessForbidden', 'CORSResponse: This CORS request is not allowed.');
  }
  res.writeHead(200, {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, PUT, HEAD',
    'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? ''),
    'access-control-max-age': '3000',
    'content-length': '0',
  }).end();
}

/** The stored headers a PUT or multipart start sends (Content-Type and the rest S3 keeps with an object). */
function storedHeaders(req: IncomingMessage): Omit<StoredMeta, 'etag'> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && (STORED_HEADERS.includes(name) || name.startsWith('x-amz-meta-'))) headers[name] = String(value);
  }
  return { type: String(req.headers['content-type'] ?? 'application/octet-stream'), headers };
}

/** Streams the request body into `writer`, then checks its length and the hashes the client sent. Returns the MD5. */
async function receiveBody(ctx: Ctx, writer: BodyWriter): Promise<string> {
  const { req, payloadHash } = ctx;
  if (payloadHash.startsWith('STREAMING-') || /aws-chunked/.test(String(req.headers['content-encoding'] ?? ''))) {
    throw new S3Fault(501, 'NotImplemented', 'The local S3 server does not take aws-chunked bodies; send the body with its Content-Length.');
  }
  for await (const chunk of req) await writer.write(chunk as Buffer);
  const length = req.headers['content-length'];
  if (length !== undefined && Number(length) !== writer.size) throw new S3Fault(400, 'IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header.');
  const sha256 = writer.sha256Hex();
  if (sha256 !== undefined && sha256 !== payloadHash) {
    throw new S3Fault(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  const md5 = writer.md5.digest();
  const contentMd5 = req.headers['content-md5'];
  if (contentMd5 !== undefined && contentMd5 !== md5.toString('base64')) throw new S3Fault(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.');
  return md5.toString('hex');
}

async function writeBody(ctx: Ctx, dest: string, meta: Omit<StoredMeta, 'etag'>): Promise<string> {
  const writer = new BodyWriter(ctx.files, { sha256: /^[0-9a-f]{64}$/.test(ctx.payloadHash) });
  try {
    const etag = await receiveBody(ctx, writer);
    await writer.commit(dest, { ...meta, etag });
    return etag;
  } catch (e) {
    await writer.discard();
    throw e;
  }
}

async function putObject(ctx: Ctx): Promise<void> {
  await ctx.files.requireBucket(ctx.bucket);
  const etag = await writeBody(ctx, ctx.files.objectPath(ctx.bucket, ctx.key), storedHeaders(ctx.req));
  ctx.res.writeHead(200, { etag: `"${etag}"`, 'content-length': '0' }).end();
}

async function uploadPart(ctx: Ctx, uploadId: string): Promise<void> {
  const n = Number(ctx.q.get('partNumber'));
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new S3Fault(400, 'InvalidArgument', 'Part number must be an integer between 1 and 10000, inclusive.');
  const up = await ctx.files.upload(uploadId, ctx.bucket, ctx.key);
  const etag = await writeBody(ctx, ctx.files.partPath(up.dir, n), { type: up.type, headers: {} });
  ctx.res.writeHead(200, { etag: `"${etag}"`, 'content-length': '0' }).end();
}

async function createUpload(ctx: Ctx): Promise<void> {
  const id = await ctx.files.createUpload(ctx.bucket, ctx.key, storedHeaders(ctx.req));
  sendXml(ctx.res, `<InitiateMultipartUploadResult ${NS}><Bucket>${xmlEscape(ctx.bucket)}</Bucket><Key>${xmlEscape(ctx.key)}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`);
}

async function completeUpload(ctx: Ctx, uploadId: string): Promise<void> {
  const xml = await readText(ctx.req);
  const parts = [...xml.matchAll(/<Part>([\s\S]*?)<\/Part>/g)].map((m) => ({ partNumber: Number(xmlValues(m[1]!, 'PartNumber')[0]), etag: xmlValues(m[1]!, 'ETag')[0] ?? '' }));
  if (parts.some((p) => !Number.isInteger(p.partNumber))) throw new S3Fault(400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema.');
  const etag = await ctx.files.completeUpload(uploadId, ctx.bucket, ctx.key, parts);
  sendXml(ctx.res, `<CompleteMultipartUploadResult ${NS}><Location>/${xmlEscape(ctx.bucket)}/${xmlEscape(ctx.key)}</Location><Bucket>${xmlEscape(ctx.bucket)}</Bucket><Key>${xmlEscape(ctx.key)}</Key><ETag>"${etag}"</ETag></CompleteMultipartUploadResult>`);
}

async function readText(req: IncomingMessage, limit = 4 << 20): Promise<string> {
  const parts: Buffer[] = [];
  let n = 0;
  for await (const chunk of req) {
    n += (chunk as Buffer).length;
    if (n > limit) throw new S3Fault(400, 'MaxMessageLengthExceeded', 'Your request was too big.');
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts).toString();
}

async function deleteObjects(ctx: Ctx): Promise<void> {
  await ctx.files.requireBucket(ctx.bucket);
  const xml = await readText(ctx.req);
  const keys = [...xml.matchAll(/<Object>([\s\S]*?)<\/Object>/g)].map((m) => xmlValues(m[1]!, 'Key')[0] ?? '');
  if (keys.length > 1000 || keys.some((k) => !k)) throw new S3Fault(400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema.');
  const quiet = xmlValues(xml, 'Quiet')[0] === 'true';
  const results = await Promise.all(keys.map((k) => ctx.files.delete(ctx.bucket, k).then(() => undefined, (e: unknown) => ({ key: k, e }))));
  const deleted = quiet ? '' : keys.filter((_, i) => !results[i]).map((k) => `<Deleted><Key>${xmlEscape(k)}</Key></Deleted>`).join('');
  const errors = results.filter((r) => r).map((r) => `<Error><Key>${xmlEscape(r!.key)}</Key><Code>InternalError</Code><Message>${xmlEscape(String((r!.e as Error).message))}</Message></Error>`).join('');
  sendXml(ctx.res, `<DeleteResult ${NS}>${deleted}${errors}</DeleteResult>`);
}

async function listBuckets(ctx: Ctx): Promise<void> {
  const buckets = await ctx.files.listBuckets();
  const list = buckets.map((b) => `<Bucket><Name>${b.name}</Name><CreationDate>${b.created.toISOString()}</CreationDate></Bucket>`).join('');
  sendXml(ctx.res, `<ListAllMyBucketsResult ${NS}><Owner><ID>local</ID><DisplayName>local</DisplayName></Owner><Buckets>${list}</Buckets></ListAllMyBucketsResult>`);
}

async function listObjects(ctx: Ctx): Promise<void> {
  const { q } = ctx;
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const maxKeys = Math.min(1000, Math.max(0, Number(q.get('max-keys') ?? 1000) || 0));
  const token = q.get('continuation-token');
  const after = token !== undefined ? Buffer.from(token, 'base64url').toString() : (q.get('start-after') ?? '');
  const urlEncoded = q.get('encoding-type') === 'url';
  const enc = (s: string) => xmlEscape(urlEncoded ? uriEncode(s).replaceAll('%2F', '/') : s);
  const afterBytes = Buffer.from(after);
  const keys = (await ctx.files.list(ctx.bucket, prefix)).filter((k) => Buffer.compare(Buffer.from(k), afterBytes) > 0);
  const contents: string[] = [];
  const prefixes: string[] = [];
  let last = '';
  let truncated = false;
  for (const k of keys) {
    const cut = delimiter ? k.indexOf(delimiter, prefix.length) : -1;
    const common = cut >= 0 ? k.slice(0, cut + delimiter.length) : undefined;
    if (common !== undefined && common === prefixes[prefixes.length - 1]) continue;
    if (contents.length + prefixes.length >= maxKeys) {
      truncated = true;
      break;
    }
    if (common !== undefined) prefixes.push(common);
    else contents.push(k);
    last = common ?? k;
  }
  const described = await Promise.all(contents.map((k) => ctx.files.describe(ctx.bucket, k)));
  const items = contents.map((k, i) => {
    const d = described[i];
    return d ? `<Contents><Key>${enc(k)}</Key><LastModified>${d.lastModified.toISOString()}</LastModified><ETag>"${d.etag}"</ETag><Size>${d.size}</Size><StorageClass>STANDARD</StorageClass></Contents>` : '';
  }).join('');
  const common = prefixes.map((p) => `<CommonPrefixes><Prefix>${enc(p)}</Prefix></CommonPrefixes>`).join('');
  const next = truncated ? `<NextContinuationToken>${Buffer.from(last).toString('base64url')}</NextContinuationToken>` : '';
  sendXml(ctx.res, `<ListBucketResult ${NS}><Name>${xmlEscape(ctx.bucket)}</Name><Prefix>${enc(prefix)}</Prefix>${delimiter ? `<Delimiter>${enc(delimiter)}</Delimiter>` : ''}<KeyCount>${contents.length + prefixes.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys>${urlEncoded ? '<EncodingType>url</EncodingType>' : ''}<IsTruncated>${truncated}</IsTruncated>${token !== undefined ? `<ContinuationToken>${xmlEscape(token)}</ContinuationToken>` : ''}${next}${items}${common}</ListBucketResult>`);
}

async function getObject(ctx: Ctx): Promise<void> {
  const { req, res, q } = ctx;
  const o = await ctx.files.open(ctx.bucket, ctx.key);
  try {
    const etag = `"${o.meta.etag}"`;
    const headers: Record<string, string | number> = {
      'content-type': o.meta.type, ...o.meta.headers, etag, 'last-modified': o.lastModified.toUTCString(), 'accept-ranges': 'bytes',
    };
    for (const [param, header] of Object.entries(OVERRIDES)) if (q.has(param)) headers[header] = q.get(param)!;
    const status = precondition(req, etag, o.lastModified);
    if (status === 412) throw new S3Fault(412, 'PreconditionFailed', 'At least one of the preconditions you specified did not hold.');
    if (status === 304) {
      res.writeHead(304, { etag, 'last-modified': headers['last-modified'] as string }).end();
      return;
    }
    const range = parseRange(req.headers.range, o.size);
    if (range === 'unsatisfiable') throw new S3Fault(416, 'InvalidRange', 'The requested range is not satisfiable', { RangeRequested: String(req.headers.range), ActualObjectSize: String(o.size) });
    const [start, end] = range ?? [0, o.size - 1];
    if (range) headers['content-range'] = `bytes ${start}-${end}/${o.size}`;
    headers['content-length'] = Math.max(0, end - start + 1);
    res.writeHead(range ? 206 : 200, headers);
    if (req.method === 'HEAD' || end < start) return void res.end();
    sendBody(res, o, start, end);
    o.fd = undefined; // sendBody owns it now
  } finally {
    if (o.fd !== undefined) closeSync(o.fd);
  }
}

function sendBody(res: ServerResponse, o: OpenedObject, start: number, end: number): void {
  if (o.whole) return void res.end(o.whole.subarray(start, end + 1));
  void streamFile(res, o.fd!, start, end);
}

/**
 * Large bodies (ingest reads a 1.6 GB upload this way) go out in 1 MiB reads into buffers that are reused once the
 * socket has taken their bytes: a fresh buffer per read cost this server ~1.5–2 CPU-s per 1.6 GB in new pages and GC (20000² ingest: S3 server CPU 5.5–6.4 → 4.0–4.6 s).
 */
const readBuffers: Buffer[] = [];
const READ_BUFFER = 1 << 20;

async function streamFile(res: ServerResponse, fd: number, start: number, end: number): Promise<void> {
  const buf = readBuffers.pop() ?? Buffer.allocUnsafeSlow(READ_BUFFER);
  // a reader that goes away stops the stream (a write to a closed socket may never call back)
  const gone = new Promise<never>((_, reject) => res.once('close', () => reject(new Error('the reader went away'))));
  gone.catch(() => undefined);
  try {
    for (let at = start; at <= end; ) {
      const n = await new Promise<number>((resolve, reject) => read(fd, buf, 0, Math.min(READ_BUFFER, end + 1 - at), at, (e, bytes) => (e ? reject(e) : resolve(bytes))));
      if (n === 0) throw new Error('the object file ended early');
      at += n;
      // the callback comes once the socket has taken the bytes: then the buffer may be filled again
      await Promise.race([gone, new Promise<void>((resolve, reject) => res.write(buf.subarray(0, n), (e) => (e ? reject(e) : resolve())))]);
    }
    res.end();
  } catch {
    res.destroy();
  } finally {
    close(fd, () => undefined);
    readBuffers.push(buf);
  }
}

/** 304 / 412 from If-Match, If-None-Match, If-Modified-Since and If-Unmodified-Since, as S3 applies them. */
function precondition(req: IncomingMessage, etag: string, modified: Date): 200 | 304 | 412 {
  const h = req.headers;
  const seconds = Math.floor(modified.getTime() / 1000) * 1000;
  const matches = (list: string) => list.split(',').map((s) => s.trim()).some((t) => t === '*' || t === etag || `"${t}"` === etag);
  if (h['if-match'] !== undefined && !matches(h['if-match'])) return 412;
  if (h['if-match'] === undefined && h['if-unmodified-since'] !== undefined && seconds > Date.parse(h['if-unmodified-since'])) return 412;
  if (h['if-none-match'] !== undefined) return matches(h['if-none-match']) ? 304 : 200;
  if (h['if-modified-since'] !== undefined && seconds <= Date.parse(h['if-modified-since'])) return 304;
  return 200;
}

/** [start, end] of a single `bytes=` range; undefined for none (or several: S3 then sends the whole object). */
function parseRange(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | undefined {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const n = Number(m[2]);
    return n === 0 || size === 0 ? 'unsatisfiable' : [Math.max(0, size - n), size - 1];
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return [start, end];
}
