import type { Db } from '@tessera/db';
import type { Tx } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { ApiError, conflict } from '../errors';
import { toOrgDto } from '../orgs/org-dto';
import { hashInvitationToken } from './invitation-token';

async function findOpenInvitation(db: Tx, token: string) {
  const inv = await db.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) }, include: { organization: true } });
  if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt < new Date()) {
    throw new ApiError('NOT_FOUND', 'This invitation is unknown, expired, revoked or already used. Ask for a new link.');
  }
  return inv;
}

/** What the invitation page shows before the user accepts (the token is the secret; nothing else is revealed). */
export async function describeInvitation(db: Db, token: string) {
  const inv = await findOpenInvitation(db, token);
  return { organizationName: inv.organization.name, role: inv.role, expiresAt: inv.expiresAt.toISOString() };
}

export async function acceptInvitation(db: Db, userId: string, token: string) {
  return db.$transaction((tx) => joinByInvitation(tx, userId, token));
}

/** Adds userId to the invitation's organisation with its role and marks it used; run inside a transaction. */
export async function joinByInvitation(tx: Tx, userId: string, token: string) {
  const inv = await findOpenInvitation(tx, token);
  const existing = await tx.membership.findUnique({
    where: { userId_organizationId: { userId, organizationId: inv.organizationId } },
  });
  if (existing) throw conflict(`You are already a member of ${inv.organization.name}.`);
  const { count } = await tx.invitation.updateMany({
    where: { id: inv.id, acceptedAt: null },
    data: { acceptedAt: new Date(), acceptedById: userId },
  });
  if (count === 0) throw conflict('This invitation was just used by someone else.');
  await tx.membership.create({ data: { userId, organizationId: inv.organizationId, role: inv.role } });
  await recordAudit(tx, {
    organizationId: inv.organizationId,
    actorUserId: userId,
    action: 'member.joined',
    targetType: 'invitation',
    targetId: inv.id,
    data: { role: inv.role },
  });
  return { organization: toOrgDto(inv.organization, inv.role) };
}
