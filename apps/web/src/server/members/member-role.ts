import type { Db, Role } from '@tessera/db';
import { TtlCache } from '../ttl-cache';

/**
 * A user's role in an organisation, remembered for a few seconds in this process: every request of an editor (a
 * stroke save every ~200 ms) passes the membership guard. Only memberships are remembered, never their absence, so
 * an accepted invitation works at once. A role change or removal made here is forgotten at once; one made by another
 * web process takes effect here within ROLE_CACHE_MS.
 */
export const ROLE_CACHE_MS = 3000;
// On globalThis: the production server loads this module twice (Next's bundle and the fast routes), one cache for both.
const g = globalThis as unknown as { __tesseraRoles?: TtlCache<Role> };
const cache = (g.__tesseraRoles ??= new TtlCache<Role>(ROLE_CACHE_MS, 10_000));
const keyOf = (userId: string, organizationId: string) => `${userId}:${organizationId}`;

export async function memberRole(db: Db, userId: string, organizationId: string): Promise<Role | null> {
  const key = keyOf(userId, organizationId);
  const hit = cache.get(key);
  if (hit) return hit;
  const m = await db.membership.findUnique({ where: { userId_organizationId: { userId, organizationId } }, select: { role: true } });
  if (!m) {
    cache.delete(key);
    return null;
  }
  cache.set(key, m.role);
  return m.role;
}

/** Call after changing or removing a membership. */
export function forgetMemberRole(userId: string, organizationId: string): void {
  cache.delete(keyOf(userId, organizationId));
}
