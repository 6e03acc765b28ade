/**
 * `npm start`: checks Postgres and Redis, generates the Prisma client, migrates, seeds the demo, builds the web app
 * when its sources changed, then starts the local S3 server (unless S3_ENDPOINT is set), both workers and the web
 * server on port 3000, and prints the URL and the demo login. Ctrl+C stops everything.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_DATABASE_URL, DEMO_LOGIN, createDb, seedDemo } from '@tessera/db';
import { migrateDatabase } from '@tessera/db/migrate';
import { DEFAULT_REDIS_URL } from '@tessera/jobs';
import { LOCAL_S3_PORT } from '@tessera/storage';
import { ROOT, startPlatform } from './lib/platform';
import { requireServices } from './lib/services';
import { buildWebIfStale } from './lib/build-web';

const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.join(ROOT, '.data');

await requireServices(databaseUrl, redisUrl);
await mkdir(dataDir, { recursive: true });
const authSecret = process.env.AUTH_SECRET ?? (await persistentSecret(path.join(dataDir, 'auth-secret')));

console.log('• Migrating the database…');
await migrateDatabase(databaseUrl);
const db = createDb(databaseUrl);
await seedDemo(db);
await db.$disconnect();
await buildWebIfStale((l) => console.log(l));

console.log('• Starting S3, workers and web…');
const platform = await startPlatform({
  databaseUrl,
  redisUrl,
  authSecret,
  webPort: port,
  bucket: process.env.S3_BUCKET ?? 'tessera',
  s3Endpoint: process.env.S3_ENDPOINT,
  localS3Port: LOCAL_S3_PORT,
  localS3Dir: path.join(dataDir, 's3'),
  log: (l) => {
    if (process.env.TESSERA_VERBOSE || /error|fail|exited/i.test(l)) console.log(l);
  },
});
const url = platform.url.replace('127.0.0.1', 'localhost');
console.log(`\n✔ Tessera is running at ${url}\n  Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}\n  Ctrl+C stops it.\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping…');
    platform.stop().then(() => process.exit(0));
  });
}

async function persistentSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
