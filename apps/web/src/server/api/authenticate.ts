import { getToken } from 'next-auth/jwt';
import type { Db } from '@tessera/db';
import { hashTokenSecret, TOKEN_PREFIX } from '../auth/api-token-secret';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { ApiError } from '../errors';
import { TtlCache } from '../ttl-cache';
import type { TokenScope } from '../permissions';

export type Principal =
  | { via: 'session'; userId: string }
  | { via: 'token'; userId: string; tokenId: string; organizationId: string; scopes: TokenScope[] };

const unauthenticated = (message = 'Sign in, or send an API token as "Authorization: Bearer <token>".') =>
  new ApiError('UNAUTHENTICATED', message);

/** Bearer API token first; otherwise the Auth.js session cookie. Returns null when neither is present. */
export async function authenticate(req: Request, db: Db, secret: string): Promise<Principal | null> {
  const header = req.headers.get('authorization');
  if (header) {
    const [scheme, value] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !value?.startsWith(TOKEN_PREFIX)) throw unauthenticated('Malformed Authorization header.');
    const token = await db.apiToken.findUnique({ where: { tokenHash: hashTokenSecret(value) } });
    if (!token || token.revokedAt || (token.expiresAt && token.expiresAt < new Date())) {
      throw unauthenticated('This API token is unknown, revoked or expired.');
    }
    // Last-used is informational: never fail or slow a request for it.
    db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
    return { via: 'token', userId: token.userId, tokenId: token.id, organizationId: token.organizationId, scopes: token.scopes as TokenScope[] };
  }
  const userId = await sessionUserId(req, secret);
  return userId ? { via: 'session', userId } : null;
}

/**
 * Decrypting the session JWT costs about a millisecond; every request of an editor carries the same cookie, so
 * decoded cookies are kept for a minute (never past the token's own expiry). Whether the user still exists and
 * belongs to the organisation is checked on every request by the guards, not here.
 */
const DECODE_CACHE_MS = 60_000;
const decoded = new TtlCache<string | null>(DECODE_CACHE_MS);

async function sessionUserId(req: Request, secret: string): Promise<string | null> {
  const cookie = req.headers.get('cookie');
  if (!cookie?.includes(SESSION_COOKIE)) return null;
  const hit = decoded.get(cookie);
  if (hit !== undefined) return hit;
  const jwt = await getToken({ req, secret, secureCookie: false, cookieName: SESSION_COOKIE, salt: SESSION_COOKIE });
  const userId = jwt?.sub ?? null;
  const untilExpiry = typeof jwt?.exp === 'number' ? jwt.exp * 1000 - Date.now() : 0;
  decoded.set(cookie, userId, userId ? Math.min(DECODE_CACHE_MS, untilExpiry) : DECODE_CACHE_MS);
  return userId;
}

export function requirePrincipal(p: Principal | null): Principal {
  if (!p) throw unauthenticated();
  return p;
}
