/**
 * Runs once when a web server process starts (`next start`): grows the seeded demo in the background — it waits for
 * the demo image, so start-up never waits for it. Nothing happens where there is no demo organisation.
 * NEXT_RUNTIME and NEXT_PHASE are Next's own switches (not configuration), hence read here and not in env.ts.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const [{ db, redis, storage }, { growDemo }] = await Promise.all([import('./server/context'), import('./server/demo/grow-demo')]);
  const log = (m: string) => console.log(`[web] ${m}`);
  void growDemo({ db: db(), storage: storage(), redis: redis() }, { log })
    .then((r) => {
      if (r.status === 'grown') log(`demo: training run ${r.trainingRunId} queued`);
    })
    .catch((e: unknown) => console.error('[web] demo: could not grow the demo project', e));
}
