import type { Db } from '@tessera/db';
import type { Actor } from '../actor';

export async function listAuditEvents(db: Db, actor: Actor, limit = 200) {
  const events = await db.auditEvent.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: { createdAt: 'desc' },
    take: limit,
  });
  const actorIds = [...new Set(events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
  const users = await db.user.findMany({
    where: { id: { in: actorIds }, memberships: { some: { organizationId: actor.organizationId } } },
    select: { id: true, name: true },
  });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return events.map((e) => ({
    id: e.id,
    action: e.action,
    actorName: e.actorUserId ? (names.get(e.actorUserId) ?? 'former member') : 'system',
    targetType: e.targetType,
    targetId: e.targetId,
    data: e.data,
    createdAt: e.createdAt.toISOString(),
  }));
}
