import type { Role } from '@tessera/db';

export const PERMISSIONS = {
  'org:read': ['OWNER', 'ADMIN', 'ANNOTATOR', 'REVIEWER', 'VIEWER'],
  'org:manage': ['OWNER', 'ADMIN'],
  'members:read': ['OWNER', 'ADMIN', 'ANNOTATOR', 'REVIEWER', 'VIEWER'],
  'members:manage': ['OWNER', 'ADMIN'],
  'projects:read': ['OWNER', 'ADMIN', 'ANNOTATOR', 'REVIEWER', 'VIEWER'],
  'projects:manage': ['OWNER', 'ADMIN'],
  'tokens:own': ['OWNER', 'ADMIN', 'ANNOTATOR', 'REVIEWER', 'VIEWER'],
  'audit:read': ['OWNER', 'ADMIN'],
  'images:read': ['OWNER', 'ADMIN', 'ANNOTATOR', 'REVIEWER', 'VIEWER'],
  'images:write': ['OWNER', 'ADMIN', 'ANNOTATOR'],
  'images:delete': ['OWNER', 'ADMIN'],
  'annotations:read': ['OWNER', 'ADMIN', 'ANNOTATOR', 'REVIEWER', 'VIEWER'],
  'annotations:write': ['OWNER', 'ADMIN', 'ANNOTATOR', 'REVIEWER'],
  'annotations:review': ['OWNER', 'ADMIN', 'REVIEWER'],
  'models:read': ['OWNER', 'ADMIN', 'ANNOTATOR', 'REVIEWER', 'VIEWER'],
  'models:run': ['OWNER', 'ADMIN', 'ANNOTATOR', 'REVIEWER'],
  'models:manage': ['OWNER', 'ADMIN'],
  'orders:read': ['OWNER', 'ADMIN', 'ANNOTATOR', 'REVIEWER', 'VIEWER'],
  'orders:manage': ['OWNER', 'ADMIN'],
  'training:read': ['OWNER', 'ADMIN', 'ANNOTATOR', 'REVIEWER', 'VIEWER'],
  'training:run': ['OWNER', 'ADMIN', 'ANNOTATOR', 'REVIEWER'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleAllows(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Token scopes: 'read' allows safe methods only; 'write' allows everything the member's role allows. */
export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
