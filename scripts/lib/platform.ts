/** Starts the whole platform as child processes: local S3 (when no S3_ENDPOINT), both workers and the web server. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { migrateDatabase } from '@tessera/db/migrate';
import { HEAP_REUSE_ENV, S3ConfigSchema, createStorage, ensureBucket, startLocalS3Process, type LocalS3 } from '@tessera/storage';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface PlatformOptions {
  databaseUrl: string;
  redisUrl: string;
  authSecret: string;
  webPort: number;
  bucket: string;
  /** Use this S3 endpoint; otherwise start the local S3 server on localS3Port with data in localS3Dir. */
  s3Endpoint?: string;
  localS3Port: number;
  localS3Dir: string;
  log: (line: string) => void;
}

export interface Platform {
  url: string;
  stop(): Promise<void>;
}

export async function startPlatform(o: PlatformOptions): Promise<Platform> {
  await migrateDatabase(o.databaseUrl);
  let s3: LocalS3 | undefined;
  if (!o.s3Endpoint) s3 = await startLocalS3Process({ directory: o.localS3Dir, port: o.localS3Port, buckets: [o.bucket], log: (l) => o.log(`[s3] ${l}`) });
  const endpoint = o.s3Endpoint ?? s3!.endpoint;
  // The same credentials the apps will use (their env.ts read the same variables; the defaults fit the local server).
  await ensureBucket(
    createStorage(
      S3ConfigSchema.parse({
        endpoint,
        bucket: o.bucket,
        region: process.env.S3_REGION,
        accessKeyId: process.env.S3_ACCESS_KEY_ID,
        secretAccessKey: process.env.S3_SECRET_ACCESS_KEY,
      }),
    ),
  );
  const env = {
    ...HEAP_REUSE_ENV,
    ...process.env,
    DATABASE_URL: o.databaseUrl,
    REDIS_URL: o.redisUrl,
    AUTH_SECRET: o.authSecret,
    S3_ENDPOINT: endpoint,
    S3_BUCKET: o.bucket,
    NEXT_TELEMETRY_DISABLED: '1',
    // The SDK warns on every start that its 2027 releases will need Node 22; the lock file pins this one.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ?? 'true',
  };
  const children: ChildProcess[] = [];
  const run = (name: string, args: string[], cwd = ROOT, extraEnv: Record<string, string> = {}) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    const prefix = (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).forEach((l) => o.log(`[${name}] ${l}`));
    child.stdout!.on('data', prefix);
    child.stderr!.on('data', prefix);
    child.on('exit', (code, signal) => o.log(`[${name}] exited (${signal ?? code})`));
    children.push(child);
  };
  run('trainer', ['--import', 'tsx', 'apps/trainer/src/index.ts']);
  run('packager', ['--import', 'tsx', 'apps/packager/src/index.ts']);
  run('web', ['--import', 'tsx', 'server.ts'], path.join(ROOT, 'apps/web'), { PORT: String(o.webPort), HOSTNAME: '127.0.0.1' });
  const url = `http://127.0.0.1:${o.webPort}`;
  await waitForHealthy(`${url}/api/health`, children);
  return {
    url,
    stop: async () => {
      await Promise.all(children.map((c) => stopChild(c)));
      await s3?.close();
    },
  };
}

async function waitForHealthy(url: string, children: ChildProcess[], timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    if (children.some((c) => c.exitCode !== null)) throw new Error('A platform process exited during start-up (see its log above).');
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = await res.text();
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The platform did not become healthy within ${timeoutMs / 1000} s: ${last}`);
}

function stopChild(c: ChildProcess): Promise<void> {
  if (c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => c.kill('SIGKILL'), 10_000);
    c.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    c.kill('SIGTERM');
  });
}
