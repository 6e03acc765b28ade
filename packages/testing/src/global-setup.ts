import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateDatabase } from '@tessera/db/migrate';
import { startLocalS3 } from '@tessera/storage';
import { Redis } from 'ioredis';
import { TEST_DATABASE_URL, TEST_REDIS_URL, TEST_S3_BUCKET, TEST_S3_PORT } from './config';

/** Vitest global setup for *.int.test.ts: a fresh migrated test database and a local S3 server. */
export default async function setup() {
  await recreateDatabase(TEST_DATABASE_URL);
  await migrateDatabase(TEST_DATABASE_URL);
  const redis = new Redis(TEST_REDIS_URL);
  await redis.flushdb();
  redis.disconnect();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-s3-'));
  const s3 = await startLocalS3({ directory: dir, port: TEST_S3_PORT, buckets: [TEST_S3_BUCKET] });
  return async () => {
    await s3.close();
    await rm(dir, { recursive: true, force: true });
  };
}

export async function recreateDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
