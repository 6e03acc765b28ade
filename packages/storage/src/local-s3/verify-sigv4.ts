import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { canonicalQuery, MAX_PRESIGNED_S, signCanonical } from '../sigv4';
import { S3Fault } from './faults';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** How a request proved itself: the payload hash it signed (hex, UNSIGNED-PAYLOAD or STREAMING-…). */
export interface Verified {
  payloadHash: string;
}

const MAX_SKEW_MS = 15 * 60_000;

/** The request's query as decoded pairs, in their order (S3 never turns '+' into a space). */
export function parseQuery(raw: string): [string, string][] {
  if (!raw) return [];
  return raw.split('&').filter(Boolean).map((p) => {
    const eq = p.indexOf('=');
    const dec = (s: string) => {
      try {
        return decodeURIComponent(s);
      } catch {
        throw new S3Fault(400, 'InvalidArgument', 'The query string is not valid percent-encoding.');
      }
    };
    return eq < 0 ? [dec(p), ''] : [dec(p.slice(0, eq)), dec(p.slice(eq + 1))];
  });
}

/**
 * Verifies AWS Signature Version 4, in the Authorization header or presigned in the query, as S3 does: the
 * canonical request over the path as sent, the sorted query, the signed headers and the payload hash; then the
 * request's age (15 minutes of clock skew for headers; X-Amz-Expires, at most 7 days, for presigned URLs).
 */
export function verifySigV4(req: IncomingMessage, path: string, query: [string, string][], credentials: Credentials[], now = Date.now()): Verified {
  const auth = req.headers.authorization;
  const q = new Map(query);
  let credential: string, signedHeaders: string, signature: string, amzDate: string, payloadHash: string;
  let expiresS: number | undefined;
  if (auth) {
    const m = /^AWS4-HMAC-SHA256 Credential=([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(auth.trim());
    if (!m) throw new S3Fault(400, 'AuthorizationHeaderMalformed', 'The Authorization header is not AWS Signature Version 4.');
    [, credential, signedHeaders, signature] = m as unknown as [string, string, string, string];
    amzDate = String(req.headers['x-amz-date'] ?? '');
    payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
    if (!payloadHash) throw new S3Fault(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256.');
  } else if (q.get('X-Amz-Algorithm') === 'AWS4-HMAC-SHA256') {
    credential = q.get('X-Amz-Credential') ?? '';
    signedHeaders = q.get('X-Amz-SignedHeaders') ?? '';
    signature = q.get('X-Amz-Signature') ?? '';
    amzDate = q.get('X-Amz-Date') ?? '';
    expiresS = Number(q.get('X-Amz-Expires'));
    payloadHash = 'UNSIGNED-PAYLOAD';
    if (!Number.isInteger(expiresS) || expiresS < 1 || expiresS > MAX_PRESIGNED_S) {
      throw new S3Fault(400, 'AuthorizationQueryParametersError', 'X-Amz-Expires must be between 1 second and 7 days.');
    }
  } else {
    throw new S3Fault(403, 'AccessDenied', 'Access Denied: the request is not signed.');
  }
  const [keyId, date, region, service, terminal] = credential.split('/');
  const account = credentials.find((c) => c.accessKeyId === keyId);
  if (!account) throw new S3Fault(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', { AWSAccessKeyId: keyId ?? '' });
  if (!date || !region || service !== 's3' || terminal !== 'aws4_request' || !amzDate.startsWith(date)) {
    throw new S3Fault(400, 'AuthorizationHeaderMalformed', 'The credential scope of the signature is malformed.');
  }
  const signedAt = parseAmzDate(amzDate);
  if (expiresS === undefined) {
    if (Math.abs(now - signedAt) > MAX_SKEW_MS) throw new S3Fault(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');
  } else {
    if (now > signedAt + expiresS * 1000) throw new S3Fault(403, 'AccessDenied', 'Request has expired');
    if (signedAt > now + MAX_SKEW_MS) throw new S3Fault(403, 'AccessDenied', 'Request is not valid yet');
  }
  const names = signedHeaders.split(';');
  if (!names.includes('host')) throw new S3Fault(400, 'AuthorizationHeaderMalformed', 'The signed headers must include host.');
  const canonicalHeaders = names.map((n) => `${n}:${headerValue(req, n)}\n`).join('');
  const unsigned = query.filter(([k]) => k !== 'X-Amz-Signature');
  const canonicalRequest = [req.method, path, canonicalQuery(unsigned), canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const expected = Buffer.from(signCanonical(account.secretAccessKey, region, amzDate, canonicalRequest), 'hex');
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new S3Fault(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.');
  }
  return { payloadHash };
}

function headerValue(req: IncomingMessage, name: string): string {
  const v = req.headers[name];
  const s = Array.isArray(v) ? v.join(',') : (v ?? '');
  return s.trim().replace(/\s+/g, ' ');
}

function parseAmzDate(s: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) throw new S3Fault(400, 'AuthorizationHeaderMalformed', 'X-Amz-Date must be an ISO 8601 basic date (yyyyMMddTHHmmssZ).');
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}
