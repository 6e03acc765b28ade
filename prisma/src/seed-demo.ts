import type { Db } from './client';
import { hashPassword } from './password';

export const DEMO_LOGIN = { email: 'demo@tessera.local', password: 'tessera-demo' } as const;
export const DEMO_ORG_SLUG = 'demo-lab';
export const DEMO_PROJECT_NAME = 'Nuclei segmentation (demo)';

/** The demo organisation, user and project that `npm start` prints a login for. Idempotent. */
export async function seedDemo(db: Db) {
  const existing = await db.user.findUnique({ where: { email: DEMO_LOGIN.email } });
  if (existing) return { created: false, userId: existing.id };
  const passwordHash = await hashPassword(DEMO_LOGIN.password);
  const user = await db.$transaction(async (tx) => {
    const u = await tx.user.create({ data: { email: DEMO_LOGIN.email, name: 'Demo User', passwordHash } });
    const org = await tx.organization.create({
      data: { name: 'Demo Lab', slug: DEMO_ORG_SLUG, memberships: { create: { userId: u.id, role: 'OWNER' } } },
    });
    await tx.project.create({
      data: {
        organizationId: org.id,
        name: DEMO_PROJECT_NAME,
        description: 'Fluorescence nuclei (Hoechst). Label a few nuclei and some background, then train.',
        kind: 'INSTANCE',
        labelClasses: {
          create: [
            { name: 'Background', color: '#64748b', order: 0, organizationId: org.id },
            { name: 'Nucleus', color: '#f43f5e', order: 1, organizationId: org.id },
          ],
        },
      },
    });
    await tx.auditEvent.create({
      data: { organizationId: org.id, actorUserId: u.id, action: 'organization.created', targetType: 'organization', targetId: org.id, data: { seeded: true } },
    });
    return u;
  });
  return { created: true, userId: user.id };
}
