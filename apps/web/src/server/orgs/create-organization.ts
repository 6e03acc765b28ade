import { randomBytes } from 'node:crypto';
import type { Tx } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { toOrgDto } from './org-dto';

export function slugify(name: string): string {
  const base = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `${base || 'org'}-${randomBytes(3).toString('hex')}`;
}

/** Creates an organisation with userId as its OWNER. Call inside a transaction when part of a larger change. */
export async function createOrganization(tx: Tx, input: { userId: string; name: string }) {
  const org = await tx.organization.create({
    data: { name: input.name, slug: slugify(input.name), memberships: { create: { userId: input.userId, role: 'OWNER' } } },
  });
  await recordAudit(tx, {
    organizationId: org.id,
    actorUserId: input.userId,
    action: 'organization.created',
    targetType: 'organization',
    targetId: org.id,
    data: { name: org.name },
  });
  return toOrgDto(org, 'OWNER');
}
