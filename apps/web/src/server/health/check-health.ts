import type { Db } from '@tessera/db';
import type { Redis } from 'ioredis';
import { checkStorage, type Storage } from '@tessera/storage';

/** A worker whose last heartbeat is older than this is reported as down. */
export const WORKER_STALE_MS = 30_000;

async function probe(fn: () => Promise<unknown>, timeoutMs = 2000): Promise<{ ok: boolean; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: (e as Error).message || String(e) };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(deps: { db: Db; redis: Redis; storage: Storage }, expectedWorkers = ['trainer', 'packager']) {
  const [postgres, redis, s3, rows] = await Promise.all([
    probe(() => deps.db.$queryRaw`SELECT 1`),
    probe(() => deps.redis.ping()),
    probe(async () => {
      const r = await checkStorage(deps.storage);
      if (!r.ok) throw new Error(r.error);
    }),
    deps.db.workerHeartbeat
      .findMany({ where: { stoppedAt: null }, orderBy: { lastSeenAt: 'desc' } })
      .catch(() => []),
  ]);
  const now = Date.now();
  const workers = rows.map((w) => ({
    id: w.id,
    kind: w.kind,
    queues: w.queues,
    lastSeenAt: w.lastSeenAt.toISOString(),
    ok: now - w.lastSeenAt.getTime() < WORKER_STALE_MS,
  }));
  const missing = expectedWorkers.filter((k) => !workers.some((w) => w.kind === k && w.ok));
  const ok = postgres.ok && redis.ok && s3.ok && missing.length === 0;
  return { status: ok ? 'ok' : 'degraded', postgres, redis, s3, workers, missingWorkers: missing };
}
