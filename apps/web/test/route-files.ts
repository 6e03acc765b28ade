import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { NextHandler } from '@/server/api/endpoint';

export const API_DIR = path.resolve(import.meta.dirname, '../src/app/api/v1');
export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export interface RouteFile {
  /** e.g. /api/v1/orgs/{orgId}/projects */
  path: string;
  file: string;
}

/** Every route.ts under src/app/api/v1, with its URL in OpenAPI form: derived from the code, never listed by hand. */
export function listApiRouteFiles(dir = API_DIR, prefix = '/api/v1'): RouteFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isFile() && e.name === 'route.ts') return [{ path: prefix, file: path.join(dir, e.name) }];
    if (!e.isDirectory()) return [];
    const seg = e.name.replace(/^\[(.+)\]$/, '{$1}');
    return listApiRouteFiles(path.join(dir, e.name), `${prefix}/${seg}`);
  });
}

export async function loadRouteHandlers(route: RouteFile) {
  const mod = (await import(route.file)) as Record<string, NextHandler | undefined>;
  return METHODS.flatMap((m) => (mod[m] ? [{ method: m, handler: mod[m]! }] : []));
}
