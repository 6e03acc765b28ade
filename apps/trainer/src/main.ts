import { createDb } from '@tessera/db';
import { QUEUES, startWorkerApp, type WorkerApp } from '@tessera/jobs';
import type { Env } from './env';
import { pingJob } from './jobs/ping';

export function startApp(env: Env): Promise<WorkerApp> {
  return startWorkerApp({
    kind: 'trainer',
    queues: [QUEUES.training],
    handlers: [pingJob],
    db: createDb(env.DATABASE_URL),
    redisUrl: env.REDIS_URL,
    concurrency: env.TRAINER_CONCURRENCY,
  });
}
