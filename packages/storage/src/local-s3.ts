import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { LOCAL_S3_CREDENTIALS, LOCAL_S3_PORT } from './config';
import { createLocalS3Server } from './local-s3/server';
import type { Credentials } from './local-s3/verify-sigv4';

export interface LocalS3 {
  endpoint: string;
  /** The server's process (the parent of its cluster processes) when it runs in processes of its own. */
  pid?: number;
  close(): Promise<void>;
}

export interface LocalS3Options {
  directory: string;
  port?: number;
  buckets?: string[];
  /** The one key pair the server accepts (default: the S3 configuration's defaults, which the apps use). */
  credentials?: Credentials;
}

/**
 * The S3 server used when no S3_ENDPOINT is configured (development, tests, the demo): our own S3-protocol server
 * (local-s3/server.ts) over HTTP, objects under `directory`, signatures verified. Never expose it: it is a local
 * store, with no durability beyond the disk it writes.
 */
export async function startLocalS3(opts: LocalS3Options): Promise<LocalS3> {
  await mkdir(opts.directory, { recursive: true });
  const server = await createLocalS3Server({ directory: opts.directory, credentials: [opts.credentials ?? LOCAL_S3_CREDENTIALS], buckets: opts.buckets });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? LOCAL_S3_PORT, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Environment for processes that move bulk bytes (the local S3 server, the platform's workers): glibc hands freed heap
 * back to the kernel once 128 KiB lie free at its top, so a process that frees and re-takes hundreds of MiB (every
 * socket read is a new 64 KiB buffer) keeps faulting in fresh pages, which cost these machines 8–60 ms per 24 MiB.
 * Keeping up to 512 MiB of freed heap (and growing it 64 MiB at a time) cut a 12000² ingest's page faults from
 * 160–210 k to 67–85 k and its time by ~1 s of 7–9 s (measured with these two settings, before the third below was
 * added; the third brought bench:ingest's chunk p95 back from 70 to 31 ms). Values already in the environment win.
 */
export const HEAP_REUSE_ENV: Record<string, string> = {
  MALLOC_TRIM_THRESHOLD_: String(512 * 2 ** 20),
  MALLOC_TOP_PAD_: String(64 * 2 ** 20),
  // setting the trim threshold freezes glibc's adaptive mmap threshold at 128 KiB (every 512 KiB chunk, every 1 MiB
  // read buffer would be fresh pages again): blocks under 32 MiB come from the heap, as the adaptive one lets them
  MALLOC_MMAP_THRESHOLD_: String(32 * 2 ** 20),
};

/**
 * The same server in child processes (Node with the tsx loader, which the platform's processes use anyway): the
 * platform runner uses this so that S3 traffic does not share the runner's event loop. `processes` serve the same
 * directory behind one port (see local-s3-main.ts); default one per four cores, at least one. On 2 cores one process
 * served the chunk benchmark faster than two (1,488 against 924 chunks/s, p95 29.6 against 57.4 ms, web server and
 * load generator on the same cores): two only pay where the machine has cores to spare.
 */
export async function startLocalS3Process(opts: LocalS3Options & { processes?: number; log?: (line: string) => void }): Promise<LocalS3> {
  const { log, ...rest } = opts;
  const args = { ...rest, processes: rest.processes ?? Math.max(1, Math.floor(availableParallelism() / 4)) };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'local-s3-main.ts'), JSON.stringify(args)], {
    cwd: path.join(import.meta.dirname, '..'), // where the tsx loader resolves
    env: { ...HEAP_REUSE_ENV, ...process.env },
    stdio: ['pipe', 'pipe', 'pipe'], // our end of its stdin closes when we exit: it then stops too
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
