import type { Db, Role } from '@tessera/db';
import type { Actor, Tx } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { ApiError, forbidden, notFound } from '../errors';
import { toMemberDto } from './list-members';
import { forgetMemberRole } from './member-role';

export async function assertNotLastOwner(tx: Tx, organizationId: string, message: string) {
  const owners = await tx.membership.count({ where: { organizationId, role: 'OWNER' } });
  if (owners <= 1) throw new ApiError('LAST_OWNER', message);
}

export async function changeMemberRole(db: Db, actor: Actor, userId: string, role: Role) {
  const member = await db.$transaction(
    async (tx) => {
      const m = await tx.membership.findUnique({
        where: { userId_organizationId: { userId, organizationId: actor.organizationId } },
        include: { user: { select: { id: true, name: true, email: true } } },
      });
      if (!m) throw notFound('Member');
      if ((m.role === 'OWNER' || role === 'OWNER') && actor.role !== 'OWNER') {
        throw forbidden('Only an owner can grant or take the owner role.');
      }
      if (m.role === role) return toMemberDto(m);
      if (m.role === 'OWNER') {
        await assertNotLastOwner(tx, actor.organizationId, 'This is the last owner: make someone else an owner first.');
      }
      const updated = await tx.membership.update({
        where: { id: m.id },
        data: { role },
        include: { user: { select: { id: true, name: true, email: true } } },
      });
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: 'member.role_changed',
        targetType: 'user',
        targetId: userId,
        data: { from: m.role, to: role },
      });
      return toMemberDto(updated);
    },
    { isolationLevel: 'Serializable' },
  );
  forgetMemberRole(userId, actor.organizationId);
  return member;
}
