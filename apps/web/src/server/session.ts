import { cache } from 'react';
import { auth } from '@/auth';
import { db } from './context';
import { listUserOrganizations } from './orgs/list-user-organizations';
import type { OrgDto } from './orgs/org-dto';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  isPlatformStaff: boolean;
  organizations: OrgDto[];
}

/** For server components and layouts: the signed-in user with their organisations, or null (once per request). */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db().user.findUnique({ where: { id }, select: { id: true, name: true, email: true, isPlatformStaff: true } });
  if (!user) return null;
  return { ...user, organizations: await listUserOrganizations(db(), user.id) };
});
