import type { Db, Membership, Role, User } from '@tessera/db';
import type { Actor } from '../actor';

export function toMemberDto(m: Membership & { user: Pick<User, 'id' | 'name' | 'email'> }) {
  return { userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role as Role, joinedAt: m.createdAt.toISOString() };
}

export async function listMembers(db: Db, actor: Actor) {
  const rows = await db.membership.findMany({
    where: { organizationId: actor.organizationId },
    include: { user: { select: { id: true, name: true, email: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map(toMemberDto);
}
