import type { Db } from '@tessera/db';

/**
 * For the pages of an organisation the caller is not a member of: platform staff with an active service grant in it
 * see it as an ANNOTATOR (the API still limits them to the granted project). Null for everyone else.
 */
export async function findServiceAccess(db: Db, user: { id: string; isPlatformStaff: boolean }, organizationId: string) {
  if (!user.isPlatformStaff) return null;
  const grant = await db.serviceGrant.findFirst({
    where: { organizationId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { projectId: true, expiresAt: true },
  });
  if (!grant) return null;
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: { id: true, name: true } });
  if (!org) return null;
  return { org: { ...org, role: 'ANNOTATOR' as const }, projectId: grant.projectId, expiresAt: grant.expiresAt.toISOString() };
}
