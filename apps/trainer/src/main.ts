import os from 'node:os';
import { createDb } from '@tessera/db';
import { QUEUES, startWorkerApp, type WorkerApp } from '@tessera/jobs';
import { createStorage } from '@tessera/storage';
import { s3Config, type Env } from './env';
import { applyModelJob } from './jobs/apply-model';
import { pingJob } from './jobs/ping';
import { trainModelJob } from './jobs/train-model';

export function startApp(env: Env): Promise<WorkerApp> {
  const db = createDb(env.DATABASE_URL);
  const log = (m: string) => console.log(`[trainer] ${m}`);
  const deps = {
    db, storage: createStorage(s3Config(env)), log, workerId: `trainer:${os.hostname()}:${process.pid}`,
    execution: { threads: env.TRAINER_THREADS, providers: env.TRAINER_PROVIDERS.split(',').map((s) => s.trim()).filter(Boolean) },
  };
  return startWorkerApp({
    kind: 'trainer',
    queues: [QUEUES.training],
    handlers: [pingJob, trainModelJob(deps), applyModelJob(deps)],
    db,
    redisUrl: env.REDIS_URL,
    concurrency: env.TRAINER_CONCURRENCY,
    // A dead worker's lock expires after TRAINER_LOCK_MS; the stalled check then hands its run to the next worker.
    workerOptions: { lockDuration: env.TRAINER_LOCK_MS, stalledInterval: Math.max(500, Math.round(env.TRAINER_LOCK_MS / 2)), maxStalledCount: env.TRAINER_MAX_STALLS },
  });
}
