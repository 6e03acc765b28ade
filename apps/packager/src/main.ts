import { createDb } from '@tessera/db';
import { QUEUES, createRedis, startWorkerApp, type WorkerApp } from '@tessera/jobs';
import { createStorage } from '@tessera/storage';
import { s3Config, type Env } from './env';
import { ingestImageJob } from './jobs/ingest-image';
import { requeueStrandedImages } from './jobs/requeue-images';
import { seedDemoImage } from './jobs/seed-demo-image';
import { pingJob } from './jobs/ping';
import { packageCzannJob } from './jobs/package-czann';
import { packageBundleJob } from './jobs/package-bundle';
import { inferModelJob } from './jobs/infer-model';

export function startApp(env: Env): Promise<WorkerApp> {
  const db = createDb(env.DATABASE_URL);
  const ingest = ingestImageJob({ db, storage: createStorage(s3Config(env), { requestChecksums: 'when-required' }), maxPixels: env.IMAGE_MAX_PIXELS, log: (m) => console.log(`[packager] ${m}`) });
  const storage = createStorage(s3Config(env));
  const modelDeps = { db, storage, dockerHost: env.DOCKER_HOST, log: (m: string) => console.log(`[packager] ${m}`) };
  return startWorkerApp({
    kind: 'packager',
    queues: [QUEUES.packaging, QUEUES.ingest],
    handlers: [pingJob, ingest, packageCzannJob(modelDeps), packageBundleJob(modelDeps), inferModelJob(modelDeps)],
    db,
    redisUrl: env.REDIS_URL,
    concurrency: env.PACKAGER_CONCURRENCY,
  }).then(async (app) => {
    const redis = createRedis(env.REDIS_URL);
    try {
      const n = await requeueStrandedImages(db, redis);
      if (n) console.log(`[packager] re-queued ${n} image(s) left queued or half-ingested`);
      await seedDemoImage(db, createStorage(s3Config(env)), redis);
    } finally {
      redis.disconnect();
    }
    return app;
  });
}
