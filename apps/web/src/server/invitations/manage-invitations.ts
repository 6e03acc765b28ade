import type { Db, Invitation, Role } from '@tessera/db';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { forbidden, notFound } from '../errors';
import { INVITATION_TTL_DAYS, newInvitationToken } from './invitation-token';

export function toInvitationDto(i: Invitation) {
  return {
    id: i.id,
    role: i.role as Role,
    email: i.email,
    expiresAt: i.expiresAt.toISOString(),
    createdAt: i.createdAt.toISOString(),
    acceptedAt: i.acceptedAt?.toISOString() ?? null,
    revokedAt: i.revokedAt?.toISOString() ?? null,
  };
}

export async function listInvitations(db: Db, actor: Actor) {
  const rows = await db.invitation.findMany({ where: { organizationId: actor.organizationId }, orderBy: { createdAt: 'desc' } });
  return rows.map(toInvitationDto);
}

/** Returns the invitation and its secret token (only its hash is stored: the link is shown once). */
export async function createInvitation(db: Db, actor: Actor, input: { role: Role; email?: string }) {
  if (input.role === 'OWNER' && actor.role !== 'OWNER') throw forbidden('Only an owner can invite another owner.');
  const { token, hash } = newInvitationToken();
  const invitation = await db.$transaction(async (tx) => {
    const inv = await tx.invitation.create({
      data: {
        organizationId: actor.organizationId,
        role: input.role,
        email: input.email?.toLowerCase() ?? null,
        tokenHash: hash,
        createdById: actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
      },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'invitation.created',
      targetType: 'invitation',
      targetId: inv.id,
      data: { role: input.role, email: input.email ?? null },
    });
    return inv;
  });
  return { invitation: toInvitationDto(invitation), token };
}

export async function revokeInvitation(db: Db, actor: Actor, invitationId: string) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, organizationId: actor.organizationId, revokedAt: null, acceptedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw notFound('Open invitation');
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'invitation.revoked',
      targetType: 'invitation',
      targetId: invitationId,
    });
  });
}
