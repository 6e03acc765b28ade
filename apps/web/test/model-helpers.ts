import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readImage, writeTiff } from '@tessera/imaging';
import { centreCrop } from '@tessera/bundle';
import type { Raster } from '@tessera/inference';
import { TEST_DATABASE_URL, TEST_REDIS_URL, TEST_S3_CONFIG } from '@tessera/testing';
import { startApp } from '@tessera/packager';
import { ORIGIN, type Credentials, type Handler } from './call-route';

export const SHARED = path.resolve(import.meta.dirname, '../../../../shared/data');
export const BBBC039_FILE = path.join(SHARED, 'nuclei-bbbc039/images/IXMtest_A02_s1_w1051DAA7C-7042-435F-99F0-1E847D9B42CB.tif');

/** A 256x256 centre crop of a real BBBC039 image, as TIFF bytes (small, so every model runs in seconds). */
export function bbbc039Crop(): { raster: Raster; tiff: Uint8Array } {
  const raster = centreCrop(readImage(new Uint8Array(readFileSync(BBBC039_FILE))).planes[0] as Raster, 256);
  return { raster, tiff: writeTiff(raster as Parameters<typeof writeTiff>[0]) };
}

/** Calls a handler with a binary body (file uploads), the way Next.js does. */
export async function callBinary(handler: Handler, opts: { path: string; params: Record<string, string>; query?: Record<string, string>; auth: Credentials; body: Uint8Array }) {
  const headers: Record<string, string> = { host: 'tessera.test', 'content-type': 'application/octet-stream' };
  if (opts.auth && 'session' in opts.auth) Object.assign(headers, { cookie: opts.auth.session, origin: ORIGIN });
  if (opts.auth && 'token' in opts.auth) headers.authorization = `Bearer ${opts.auth.token}`;
  const qs = opts.query ? `?${new URLSearchParams(opts.query)}` : '';
  const req = new Request(`${ORIGIN}${opts.path}${qs}`, { method: 'POST', headers, body: Buffer.from(opts.body) });
  const res = await handler(req, { params: Promise.resolve(opts.params) });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, json: JSON.parse(text || 'null') as Record<string, any>, text };
}

/** The real packager worker (BullMQ on the test Redis, Postgres, S3), in this process. */
export function startPackager() {
  return startApp({
    DATABASE_URL: TEST_DATABASE_URL, REDIS_URL: TEST_REDIS_URL, PACKAGER_CONCURRENCY: 1, S3_ENDPOINT: TEST_S3_CONFIG.endpoint,
    S3_REGION: 'us-east-1', S3_BUCKET: TEST_S3_CONFIG.bucket, S3_ACCESS_KEY_ID: TEST_S3_CONFIG.accessKeyId, S3_SECRET_ACCESS_KEY: TEST_S3_CONFIG.secretAccessKey,
    IMAGE_MAX_PIXELS: 2 ** 31, DOCKER_HOST: 'unix:///nonexistent/docker.sock',
  } as Parameters<typeof startApp>[0]);
}

export async function waitFor<T>(read: () => Promise<T>, done: (t: T) => boolean, timeoutMs = 110_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() - t0 > timeoutMs) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url} → ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
