import type { Db } from '@tessera/db';
import { toOrgDto } from './org-dto';

export async function listUserOrganizations(db: Db, userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    include: { organization: true },
    orderBy: { createdAt: 'asc' },
  });
  return memberships.map((m) => toOrgDto(m.organization, m.role));
}
