import type { Db } from '@tessera/db';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { roleAllows } from '../permissions';
import { forbidden, notFound } from '../errors';
import { assertNotLastOwner } from './change-member-role';
import { forgetMemberRole } from './member-role';

/** Removes a member; a member may always remove themselves (leave), except the last owner. */
export async function removeMember(db: Db, actor: Actor, userId: string) {
  const leaving = userId === actor.userId;
  if (!leaving && !roleAllows(actor.role, 'members:manage')) throw forbidden('Only owners and admins can remove members.');
  await db.$transaction(
    async (tx) => {
      const m = await tx.membership.findUnique({
        where: { userId_organizationId: { userId, organizationId: actor.organizationId } },
      });
      if (!m) throw notFound('Member');
      if (m.role === 'OWNER') {
        if (!leaving && actor.role !== 'OWNER') throw forbidden('Only an owner can remove another owner.');
        await assertNotLastOwner(
          tx,
          actor.organizationId,
          leaving
            ? 'You are the last owner: make someone else an owner before you leave.'
            : 'This is the last owner of the organisation.',
        );
      }
      await tx.membership.delete({ where: { id: m.id } });
      await tx.apiToken.updateMany({
        where: { organizationId: actor.organizationId, userId, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: leaving ? 'member.left' : 'member.removed',
        targetType: 'user',
        targetId: userId,
        data: { role: m.role },
      });
    },
    { isolationLevel: 'Serializable' },
  );
  forgetMemberRole(userId, actor.organizationId);
}
