/**
 * The platform for Playwright: a fresh database (tessera_e2e), its own Redis db and local S3 server, both workers,
 * and the production web server (apps/web/server.ts) on port 3100 (run `next build apps/web` first). Prints "ready" when /api/health answers 200.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRedis } from '@tessera/jobs';
import { recreateDatabase } from '@tessera/testing';
import { requireServices } from '../../../scripts/lib/services';
import { startPlatform } from '../../../scripts/lib/platform';

export const E2E = {
  databaseUrl: process.env.E2E_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/tessera_e2e',
  redisUrl: process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379/6',
  webPort: 3100,
  s3Port: 9312,
};

await requireServices(E2E.databaseUrl, E2E.redisUrl);
await recreateDatabase(E2E.databaseUrl);
const redis = createRedis(E2E.redisUrl);
await redis.flushdb();
redis.disconnect();
const dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-e2e-s3-'));
const platform = await startPlatform({
  databaseUrl: E2E.databaseUrl,
  redisUrl: E2E.redisUrl,
  authSecret: 'e2e-secret-e2e-secret-e2e-secret-0123456789',
  webPort: E2E.webPort,
  bucket: 'tessera-e2e',
  localS3Port: E2E.s3Port,
  localS3Dir: dir,
  log: (l) => console.log(l),
});
console.log(`ready ${platform.url}`);
const stop = async () => {
  await platform.stop();
  await rm(dir, { recursive: true, force: true });
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
