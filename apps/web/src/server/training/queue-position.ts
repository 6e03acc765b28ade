import type { Db } from '@tessera/db';
import { estimateStartSeconds } from '@tessera/training';

/** Assumed speed of a run that has not measured its own yet (a small UNet step on CPU). */
export const DEFAULT_MS_PER_STEP = 150;

/**
 * Where a queued run stands in the shared training queue: runs ahead of it (every organisation's — only counts and
 * step totals are read, nothing is returned about them) and the estimated seconds until it starts.
 * Unsafe: deliberately not filtered by organisation.
 */
export async function unsafeQueuePosition(db: Db, run: { id: string; queuedAt: Date }, slots = 1) {
  const ahead = await db.trainingRun.findMany({
    where: { id: { not: run.id }, OR: [{ status: 'RUNNING' }, { status: 'QUEUED', queuedAt: { lt: run.queuedAt } }] },
    select: { status: true, totalSteps: true, step: true, msPerStep: true },
  });
  const recent = await db.trainingRun.aggregate({ where: { status: 'SUCCEEDED', msPerStep: { not: null } }, _avg: { msPerStep: true } });
  const queued = ahead.filter((r) => r.status === 'QUEUED').length;
  return {
    position: queued + 1,
    running: ahead.length - queued,
    etaStartSeconds: Math.round(estimateStartSeconds(ahead as { status: 'QUEUED' | 'RUNNING'; totalSteps: number; step: number; msPerStep: number | null }[], recent._avg.msPerStep ?? DEFAULT_MS_PER_STEP, slots)),
  };
}
