import { randomUUID } from 'node:crypto';
import type { Db } from '@tessera/db';

export type TestRole = 'OWNER' | 'ADMIN' | 'ANNOTATOR' | 'REVIEWER' | 'VIEWER';

/** A user with a membership in a fresh organisation (unique names, so tests never collide). */
export async function seedOrgWithUser(db: Db, opts: { role?: TestRole; passwordHash?: string } = {}) {
  const tag = randomUUID().slice(0, 8);
  const org = await db.organization.create({ data: { name: `Org ${tag}`, slug: `org-${tag}` } });
  const user = await addMember(db, org.id, opts.role ?? 'OWNER', opts.passwordHash);
  return { org, user };
}

export async function addMember(db: Db, organizationId: string, role: TestRole, passwordHash = 'x') {
  const tag = randomUUID().slice(0, 8);
  return db.user.create({
    data: {
      email: `user-${tag}@example.test`,
      name: `User ${tag}`,
      passwordHash,
      memberships: { create: { organizationId, role } },
    },
  });
}
