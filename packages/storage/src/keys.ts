/** Every object of a tenant lives under org/<orgId>/; this is the only function that builds keys. */
export class StorageKeyError extends Error {
  readonly code = 'INVALID_STORAGE_KEY';
}

const SEGMENT = /^[A-Za-z0-9._=-]+$/;

export function orgKey(organizationId: string, ...parts: string[]): string {
  for (const p of [organizationId, ...parts]) {
    if (!SEGMENT.test(p) || p === '.' || p === '..') {
      throw new StorageKeyError(`Invalid storage key segment ${JSON.stringify(p)}`);
    }
  }
  return ['org', organizationId, ...parts].join('/');
}

/** True when key belongs to organizationId's prefix (guards keys that come back from clients). */
export function isOrgKey(organizationId: string, key: string): boolean {
  return key.startsWith(`org/${organizationId}/`) && !key.split('/').some((s) => s === '..' || s === '.' || s === '');
}
