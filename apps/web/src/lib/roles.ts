import type { Role } from './api-types';

export const ROLE_LABELS: Record<Role, string> = {
  OWNER: 'Owner',
  ADMIN: 'Admin',
  ANNOTATOR: 'Annotator',
  REVIEWER: 'Reviewer',
  VIEWER: 'Viewer',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  OWNER: 'Full control, including owners and deleting the organisation',
  ADMIN: 'Manages members, projects and settings',
  ANNOTATOR: 'Annotates images in projects',
  REVIEWER: 'Reviews and approves annotations',
  VIEWER: 'Read-only access',
};

/** OWNER and ADMIN manage members, invitations, projects and settings. */
export function canManage(role: Role): boolean {
  return role === 'OWNER' || role === 'ADMIN';
}

/** Roles the caller may hand out: only an OWNER may grant OWNER. */
export function assignableRoles(callerRole: Role): Role[] {
  const all: Role[] = ['OWNER', 'ADMIN', 'ANNOTATOR', 'REVIEWER', 'VIEWER'];
  return callerRole === 'OWNER' ? all : all.filter((r) => r !== 'OWNER');
}
