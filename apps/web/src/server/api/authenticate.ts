import { getToken } from 'next-auth/jwt';
import type { Db } from '@tessera/db';
import { hashTokenSecret, TOKEN_PREFIX } from '../auth/api-token-secret';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { ApiError } from '../errors';
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
  const jwt = await getToken({ req, secret, secureCookie: false, cookieName: SESSION_COOKIE, salt: SESSION_COOKIE });
  if (!jwt?.sub) return null;
  const user = await db.user.findUnique({ where: { id: jwt.sub }, select: { id: true } });
  return user ? { via: 'session', userId: user.id } : null;
}

export function requirePrincipal(p: Principal | null): Principal {
  if (!p) throw unauthenticated();
  return p;
}
