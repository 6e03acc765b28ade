import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 for S3, the parts both sides need: the local S3 server verifies with them
 * (local-s3/verify-sigv4.ts), the hot-path presigner signs with them (signed-requests.ts; tested equal to the SDK's).
 */

/** RFC 3986 encoding as SigV4 wants it: every byte escaped except unreserved characters. */
export const uriEncode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The canonical query string: pairs encoded, sorted by key then value. */
export function canonicalQuery(pairs: [string, string][]): string {
  return pairs
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** yyyyMMddTHHmmssZ */
export const amzDate = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** The signature of a canonical request (hex), signed at `date` (yyyyMMddTHHmmssZ) for region's S3. */
export function signCanonical(secret: string, region: string, date: string, canonicalRequest: string): string {
  const scope = `${date.slice(0, 8)}/${region}/s3/aws4_request`;
  const hashed = createHash('sha256').update(canonicalRequest).digest('hex');
  return createHmac('sha256', signingKey(secret, date.slice(0, 8), region)).update(`AWS4-HMAC-SHA256\n${date}\n${scope}\n${hashed}`).digest('hex');
}

const keys = new Map<string, Buffer>();
function signingKey(secret: string, day: string, region: string): Buffer {
  const id = `${secret}\n${day}\n${region}`;
  let k = keys.get(id);
  if (!k) {
    const h = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
    k = h(h(h(h(`AWS4${secret}`, day), region), 's3'), 'aws4_request');
    if (keys.size > 64) keys.clear();
    keys.set(id, k);
  }
  return k;
}

/** The longest a presigned URL may last (S3's limit). */
export const MAX_PRESIGNED_S = 7 * 24 * 3600;

/** The query string of a presigned GET (host signed, payload unsigned), parameters as the SDK's presigner names them. */
export function presignGetQuery(o: {
  host: string; path: string; query: Record<string, string>; accessKeyId: string; secretAccessKey: string; region: string; signingDate: Date; expiresIn: number;
}): string {
  if (!(Number.isInteger(o.expiresIn) && o.expiresIn >= 1 && o.expiresIn <= MAX_PRESIGNED_S)) throw new RangeError('Presigned URLs last 1 second to 7 days.');
  const date = amzDate(o.signingDate);
  const pairs: [string, string][] = [
    ...Object.entries(o.query),
    ['X-Amz-Content-Sha256', 'UNSIGNED-PAYLOAD'],
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Credential', `${o.accessKeyId}/${date.slice(0, 8)}/${o.region}/s3/aws4_request`],
    ['X-Amz-Date', date],
    ['X-Amz-Expires', String(o.expiresIn)],
    ['X-Amz-SignedHeaders', 'host'],
  ];
  const signature = signCanonical(o.secretAccessKey, o.region, date, ['GET', o.path, canonicalQuery(pairs), `host:${o.host}\n`, 'host', 'UNSIGNED-PAYLOAD'].join('\n'));
  return `${pairs.map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`).join('&')}&X-Amz-Signature=${signature}`;
}
