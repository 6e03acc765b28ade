/** Shapes of the /api/v1 resources as the browser sees them (see the REST contract). */
export const ROLES = ['OWNER', 'ADMIN', 'ANNOTATOR', 'REVIEWER', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

export type Org = { id: string; name: string; slug: string; role: Role; createdAt: string };
export type Member = { userId: string; name: string; email: string; role: Role; joinedAt: string };
export type Invitation = {
  id: string;
  role: Role;
  email: string | null;
  expiresAt: string;
  createdAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
};
export type LabelClass = { id: string; name: string; color: string; order: number };
export type ProjectKind = 'SEMANTIC' | 'INSTANCE';
export type Project = {
  id: string;
  name: string;
  description: string | null;
  kind: ProjectKind;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  labelClasses: LabelClass[];
};
export type TokenScope = 'read' | 'write';
export type ApiToken = {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};
export type AuditEvent = {
  id: string;
  action: string;
  actorName: string | null;
  targetType: string | null;
  targetId: string | null;
  data: unknown;
  createdAt: string;
};
export type InvitationPreview = { organizationName: string; role: Role; expiresAt: string };
