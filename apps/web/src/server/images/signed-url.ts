import { createHmac, timingSafeEqual } from 'node:crypto';

/** Signed file URLs stay the same for a whole window, so browsers can cache what they fetch through them. */
export const SIGNED_URL_WINDOW_S = 3600;

/** Expiry of URLs signed at `now`: the end of the next window (valid 1–2 windows). */
export function signedUrlExpiry(now = Date.now()): number {
  return (Math.floor(now / 1000 / SIGNED_URL_WINDOW_S) + 2) * SIGNED_URL_WINDOW_S;
}

function signature(secret: string, orgId: string, imageId: string, exp: number): string {
  return createHmac('sha256', `${secret}:image-files`).update(`${orgId}/${imageId}/${exp}`).digest('base64url');
}

/**
 * `/api/v1/orgs/{orgId}/projects/{projectId}/images/{imageId}/files/{file}?exp=…&sig=…`: an HMAC over the org, the
 * image and the expiry (the secret never leaves the server), so URLs are unguessable, one image only, and dead after exp.
 */
export function signedFileUrl(secret: string, orgId: string, projectId: string, imageId: string, file: string, now = Date.now()): string {
  const exp = signedUrlExpiry(now);
  return `/api/v1/orgs/${orgId}/projects/${projectId}/images/${imageId}/files/${file}?exp=${exp}&sig=${signature(secret, orgId, imageId, exp)}`;
}

export type SignatureCheck = 'ok' | 'missing' | 'expired' | 'invalid';

export function checkSignature(secret: string, orgId: string, imageId: string, exp: string | null, sig: string | null, now = Date.now()): SignatureCheck {
  if (!exp || !sig) return 'missing';
  const e = Number(exp);
  if (!Number.isSafeInteger(e)) return 'invalid';
  const want = Buffer.from(signature(secret, orgId, imageId, e));
  const got = Buffer.from(sig);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return 'invalid';
  return e * 1000 > now ? 'ok' : 'expired';
}
