import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { LOCAL_S3_PORT } from './config';

interface S3rverInstance {
  run(): Promise<unknown>;
  close(): Promise<void>;
}
type S3rverClass = new (options: {
  port: number;
  address: string;
  directory: string;
  silent: boolean;
  configureBuckets: { name: string; configs: string[] }[];
}) => S3rverInstance;

export interface LocalS3 {
  endpoint: string;
  /** The server's process (the parent of its cluster processes) when it runs in processes of its own. */
  pid?: number;
  close(): Promise<void>;
}

/**
 * The S3 server used when no S3_ENDPOINT is configured (development, tests, the demo): s3rver speaks the S3
 * protocol over HTTP and keeps objects under `directory`. It does not verify signatures, so never expose it.
 */
export async function startLocalS3(opts: { directory: string; port?: number; buckets?: string[] }): Promise<LocalS3> {
  await mkdir(opts.directory, { recursive: true });
  // s3rver ships no types; this is the part of its API we use.
  const { default: S3rver } = (await import('s3rver' as string)) as { default: S3rverClass };
  const server = new S3rver({
    port: opts.port ?? LOCAL_S3_PORT,
    address: '127.0.0.1',
    directory: opts.directory,
    silent: true,
    configureBuckets: (opts.buckets ?? []).map((name) => ({ name, configs: [CORS_CONFIG] })),
  });
  const info = (await server.run()) as { port: number };
  return {
    endpoint: `http://127.0.0.1:${info.port}`,
    close: () => server.close(),
  };
}

/**
 * The same server in child processes (Node with the tsx loader, which the platform's processes use anyway): the
 * platform runner uses this so that S3 traffic does not share the runner's event loop. `processes` (default: 2, or 1
 * on a one-core machine) serve the same directory behind one port (see local-s3-main.ts).
 */
export async function startLocalS3Process(opts: {
  directory: string;
  port?: number;
  buckets?: string[];
  processes?: number;
  log?: (line: string) => void;
}): Promise<LocalS3> {
  const { log, ...rest } = opts;
  const args = { ...rest, processes: rest.processes ?? Math.min(2, availableParallelism()) };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'local-s3-main.ts'), JSON.stringify(args)], {
    cwd: path.join(import.meta.dirname, '..'), // where the tsx loader resolves
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`the local S3 server exited (${code}) during start-up: ${out.trim()}`)));
  });
  child.removeAllListeners('exit');
  child.stdout!.removeAllListeners('data');
  child.stderr!.removeAllListeners('data');
  const relay = (d: Buffer) => d.toString().split('\n').filter(Boolean).forEach((l) => log?.(l));
  child.stdout!.on('data', relay);
  child.stderr!.on('data', relay);
  child.on('exit', (code, signal) => log?.(`exited (${signal ?? code})`));
  return {
    endpoint,
    pid: child.pid,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Browsers upload parts straight to S3 and read the ETag header back. */
const CORS_CONFIG = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>
<AllowedMethod>PUT</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader>
<ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
