import type { Organization, Role } from '@tessera/db';

export function toOrgDto(org: Organization, role: Role) {
  return { id: org.id, name: org.name, slug: org.slug, role, createdAt: org.createdAt.toISOString() };
}
export type OrgDto = ReturnType<typeof toOrgDto>;
