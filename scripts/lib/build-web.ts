import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './platform';

const require = createRequire(import.meta.url);
const WEB = path.join(ROOT, 'apps/web');
const STAMP = path.join(WEB, '.next', 'tessera-source-stamp');
const SOURCES = ['apps/web/src', 'apps/web/next.config.ts', 'apps/packager/src', 'apps/trainer/src', 'packages', 'prisma/src', 'prisma/schema.prisma', 'package-lock.json'];

/** Fingerprint of everything the web build depends on (paths, sizes, modification times). */
export function sourceStamp(): string {
  const h = createHash('sha256');
  const walk = (p: string) => {
    if (!existsSync(p) || p.includes('node_modules') || /\.(test|int\.test)\.ts$/.test(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) readdirSync(p).sort().forEach((n) => walk(path.join(p, n)));
    else h.update(`${path.relative(ROOT, p)}:${s.size}:${s.mtimeMs}\n`);
  };
  SOURCES.forEach((s) => walk(path.join(ROOT, s)));
  return h.digest('hex');
}

/** `next build` when there is no build yet or its sources changed since the last one. */
export function buildWebIfStale(log: (l: string) => void): void {
  const stamp = sourceStamp();
  if (existsSync(path.join(WEB, '.next', 'BUILD_ID')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp) return;
  log('• Building the web app (first start or changed sources; about a minute)…');
  const r = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
    cwd: WEB,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) throw new Error('next build failed (see above).');
  writeFileSync(STAMP, stamp);
}
