/**
 * npm run bench:ingest — on a generated 20000 × 20000 uint16 2-channel TIFF (1.6 GB, made here, never committed):
 * 1. libvips reference: `vips dzsave <file> <out> --tile-size 512 --overlap 0` (the same tile size as our chunks);
 * 2. Tessera: the real platform (the production web server, packager worker, local S3, Postgres): upload through the API in
 *    presigned parts, then time image.ingest from "complete" to READY (decode → OME-Zarr pyramid in S3 → metadata);
 * 3. chunk latency: 20 concurrent clients GET pyramid chunks through the signed chunk route, following its 302 to S3
 *    (after a warm-up on other chunks: each measured chunk is read once);
 * 4. first paint: Chromium opens the viewer page until every chunk of the visible level is drawn.
 * Needs `npx next build apps/web` first. Outputs under .bench/ingest/. Last line: JSON.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { recreateDatabase } from '@tessera/testing';
import { createRedis } from '@tessera/jobs';
import { startPlatform, ROOT } from '../../../scripts/lib/platform';
import { measureLatency } from './chunk-load';
import { measureFirstPaint } from './first-paint';
import { generateTiff } from './generate-tiff';

const SIZE = Number(process.env.BENCH_SIZE ?? 20000);
const OUT = path.join(ROOT, '.bench/ingest');
const FILE = path.join(OUT, `bench-${SIZE}.tif`);
const SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';
const DB = 'postgresql://postgres@127.0.0.1:5432/tessera_bench_ingest';
const REDIS = 'redis://127.0.0.1:6379/12';
const mpix = (SIZE * SIZE) / 1e6;

mkdirSync(OUT, { recursive: true });
if (!existsSync(path.join(ROOT, 'apps/web/.next/BUILD_ID'))) throw new Error('Build the web app first: npx next build apps/web');
if (!existsSync(FILE)) {
  const t = performance.now();
  generateTiff(FILE, SIZE, SIZE);
  console.log(`generated ${FILE} (${(statSync(FILE).size / 2 ** 30).toFixed(2)} GiB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

// 1. libvips
const vipsOut = path.join(OUT, 'vips');
rmSync(vipsOut, { recursive: true, force: true });
mkdirSync(vipsOut);
let t0 = performance.now();
execFileSync('vips', ['dzsave', FILE, path.join(vipsOut, 'pyramid'), '--tile-size', '512', '--overlap', '0'], { stdio: 'inherit' });
const vipsS = (performance.now() - t0) / 1000;
rmSync(vipsOut, { recursive: true, force: true });
console.log(`libvips dzsave: ${vipsS.toFixed(1)} s → ${(mpix / vipsS).toFixed(1)} Mpix/s`);

// 2. the platform
await recreateDatabase(DB);
const redis = createRedis(REDIS);
await redis.flushdb();
redis.disconnect();
const s3Dir = path.join(OUT, 's3');
rmSync(s3Dir, { recursive: true, force: true });
const platform = await startPlatform({
  databaseUrl: DB, redisUrl: REDIS, authSecret: SECRET, webPort: 3217, bucket: 'tessera-bench-ingest', localS3Port: 9317, localS3Dir: s3Dir,
  log: (l) => { if (/packager|error/i.test(l)) console.log(l); },
});
const base = platform.url;
let result: Record<string, number> = {};
try {
  const signup = await (await fetch(`${base}/api/v1/signup`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench', email: `bench-${Date.now()}@example.test`, password: 'correct horse battery', organizationName: 'Bench Lab' }),
  })).json() as { user: { id: string }; organization: { id: string } };
  const cookieValue = await encode({ token: { sub: signup.user.id }, secret: SECRET, salt: 'authjs.session-token' });
  const headers = { cookie: `authjs.session-token=${cookieValue}`, origin: base, 'content-type': 'application/json' };
  const call = async <T>(method: string, p: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}${p}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  };
  const orgId = signup.organization.id;
  const project = await call<{ id: string }>('POST', `/api/v1/orgs/${orgId}/projects`, { name: 'Bench' });
  const imagesPath = `/api/v1/orgs/${orgId}/projects/${project.id}/images`;
  const size = statSync(FILE).size;
  const created = await call<{ image: { id: string }; upload: { partSize: number; partCount: number } }>('POST', imagesPath, { name: path.basename(FILE), sizeBytes: size });
  const { partSize, partCount } = created.upload;
  const imagePath = `${imagesPath}/${created.image.id}`;
  t0 = performance.now();
  const fd = openSync(FILE, 'r');
  const uploadPart = async (n: number) => {
    const buf = Buffer.alloc(Math.min(partSize, size - (n - 1) * partSize));
    readSync(fd, buf, 0, buf.length, (n - 1) * partSize);
    const { parts } = await call<{ parts: { url: string }[] }>('POST', `${imagePath}/upload/parts`, { partNumbers: [n] });
    const put = await fetch(parts[0]!.url, { method: 'PUT', body: buf });
    await call('PUT', `${imagePath}/upload/parts`, { partNumber: n, etag: put.headers.get('etag'), md5: createHash('md5').update(buf).digest('hex'), sizeBytes: buf.length });
  };
  const queue = Array.from({ length: partCount }, (_, i) => i + 1);
  await Promise.all(Array.from({ length: 4 }, async () => { for (let n = queue.shift(); n; n = queue.shift()) await uploadPart(n); }));
  console.log(`upload through presigned parts: ${((performance.now() - t0) / 1000).toFixed(1)} s (${partCount} parts)`);
  t0 = performance.now();
  await call('POST', `${imagePath}/upload/complete`);
  console.log(`complete multipart upload (S3 assembles the parts): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  t0 = performance.now(); // ingest: from QUEUED (job enqueued) to READY
  type Img = { status: string; progress: number; error: string | null; zarrUrl: string; levels: { width: number; height: number }[]; chunkSize: number };
  let img: Img;
  for (;;) {
    img = await call<Img>('GET', imagePath);
    if (img.status === 'READY' || img.status === 'FAILED') break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const ingestS = (performance.now() - t0) / 1000;
  if (img.status !== 'READY') throw new Error(`ingest failed: ${img.error}`);
  console.log(`Tessera ingest (queue → READY): ${ingestS.toFixed(1)} s → ${(mpix / ingestS).toFixed(1)} Mpix/s`);

  // 3. chunk latency: levels 0–2, both channels, shuffled
  const [zbase, query] = img.zarrUrl.split('?');
  const urls: string[] = [];
  img.levels.slice(0, 3).forEach((l, level) => {
    for (let cy = 0; cy < Math.ceil(l.height / img.chunkSize); cy++) {
      for (let cx = 0; cx < Math.ceil(l.width / img.chunkSize); cx++) for (const c of [0, 1]) urls.push(`${base}${zbase}/${level}/0/${c}/0/${cy}/${cx}?${query}`);
    }
  });
  for (let i = urls.length - 1; i > 0; i--) { const j = (i * 7919) % (i + 1); [urls[i], urls[j]] = [urls[j]!, urls[i]!]; }
  // warm-up (the servers' JIT, connections) on 1,000 chunks, then 3,000 chunks not read before
  const warm = Math.min(1000, Math.floor(urls.length / 4));
  await measureLatency(urls.slice(0, warm), { concurrency: 20, total: warm });
  const lat = await measureLatency(urls.slice(warm), { concurrency: 20, total: Math.min(3000, urls.length - warm) });
  console.log(`chunks (512×512 uint16, 512 KiB) with 20 concurrent clients: p50 ${lat.p50.toFixed(1)} ms, p95 ${lat.p95.toFixed(1)} ms, p99 ${lat.p99.toFixed(1)} ms, ${lat.rps.toFixed(0)} req/s, ${lat.mbPerS.toFixed(0)} MiB/s, errors ${lat.errors}`);
  const hop = await measureLatency(urls, { concurrency: 20, total: 3000, followRedirect: false });
  console.log(`  of which the signed chunk route alone (verify + 302 to presigned S3): p50 ${hop.p50.toFixed(1)} ms, p95 ${hop.p95.toFixed(1)} ms, ${hop.rps.toFixed(0)} req/s; the rest is the local S3 server`);

  // 4. first paint
  const viewer = `${base}/o/${orgId}/projects/${project.id}/images/${created.image.id}`;
  const paints = await measureFirstPaint(viewer, { name: 'authjs.session-token', value: cookieValue, url: base });
  const firstPaintMs = [...paints].sort((a, b) => a - b)[1] ?? paints[0]!;
  console.log(`first full paint in Chromium (1280×800, cold cache): ${paints.map((p) => p.toFixed(0)).join(', ')} ms → median ${firstPaintMs.toFixed(0)} ms`);
  result = {
    ingestMpixPerSec: +(mpix / ingestS).toFixed(2),
    libvipsMpixPerSec: +(mpix / vipsS).toFixed(2),
    ingestVsLibvips: +(vipsS / ingestS).toFixed(3),
    chunkP50Ms: +lat.p50.toFixed(2),
    chunkP95Ms: +lat.p95.toFixed(2),
    chunkRouteP95Ms: +hop.p95.toFixed(2),
    firstPaintMs: Math.round(firstPaintMs),
  };
} finally {
  await platform.stop();
  rmSync(s3Dir, { recursive: true, force: true });
}
console.log(`targets: ingest ≥ 0.5 × libvips (${result.ingestVsLibvips}), p95 ≤ 50 ms (${result.chunkP95Ms}), first paint ≤ 1500 ms (${result.firstPaintMs})`);
console.log(JSON.stringify(result));
process.exit(0);
