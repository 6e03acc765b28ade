import type { Db } from '@tessera/db';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { toOrgDto } from './org-dto';

export async function getOrganization(db: Db, actor: Actor) {
  const org = await db.organization.findUniqueOrThrow({ where: { id: actor.organizationId } });
  return toOrgDto(org, actor.role);
}

export async function renameOrganization(db: Db, actor: Actor, name: string) {
  return db.$transaction(async (tx) => {
    const org = await tx.organization.update({ where: { id: actor.organizationId }, data: { name } });
    await recordAudit(tx, {
      organizationId: org.id,
      actorUserId: actor.userId,
      action: 'organization.renamed',
      targetType: 'organization',
      targetId: org.id,
      data: { name },
    });
    return toOrgDto(org, actor.role);
  });
}
