/**
 * npm run bench:annotation — stroke-save latency with 50 simulated annotators (5 strokes/s each) spread over two web
 * processes, live propagation latency between two clients on different processes (Redis pub/sub fan-out), lost and
 * duplicated strokes (measured after 3 s of warm-up at the same load), and editor frame time in Chromium panning
 * over 10,000 objects (tile cache vs naive redraw). The web processes are the production server (apps/web/server.ts:
 * Next.js + fast routes) after `npx next build apps/web`, else (or with `-- --plain`) the fast routes alone.
 * Uses its own database (tessera_bench) and Redis db 7. Last line: JSON.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { build } from 'esbuild';
import { encode } from 'next-auth/jwt';
import { chromium } from '@playwright/test';
import { Redis } from 'ioredis';
import { getDb } from '@tessera/db';
import { migrateDatabase } from '@tessera/db/migrate';
import { recreateDatabase } from '@tessera/testing';
import { rasteriseAnnotations, type AnnotationShape } from '@tessera/annotations';
import { killHard, spawnAnnotationServer } from '../src/server/annotations/testing/spawn-server';

const DB_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/tessera_bench';
const REDIS_URL = 'redis://127.0.0.1:6379/7';
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const ANNOTATORS = 50, RATE = 5, SECONDS = Number(process.env.BENCH_SECONDS ?? 10), WARMUP_SECONDS = 3, IMAGES = 10, PORTS = [3293, 3294];
const ROOT = path.resolve(import.meta.dirname, '../../..');
/**
 * The web processes: apps/web/server.ts as `npm start` runs it (Next.js + fast routes) when a `next build` exists;
 * the fast routes alone on node:http with `-- --plain` or without a build.
 */
const HOST = !process.argv.includes('--plain') && existsSync(path.join(ROOT, 'apps/web/.next/BUILD_ID')) ? 'production' : 'plain';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

async function seed() {
  await recreateDatabase(DB_URL);
  await migrateDatabase(DB_URL);
  const r = new Redis(REDIS_URL);
  await r.flushdb();
  r.disconnect();
  const db = getDb(DB_URL);
  const org = await db.organization.create({ data: { name: 'Bench lab', slug: `bench-${randomUUID().slice(0, 6)}` } });
  const project = await db.project.create({
    data: { organizationId: org.id, name: 'Bench', labelClasses: { create: [{ organizationId: org.id, name: 'Background', color: '#333333', order: 0 }, { organizationId: org.id, name: 'Cell', color: '#ff0000', order: 1 }] } },
    include: { labelClasses: true },
  });
  const images = [];
  for (let i = 0; i < IMAGES; i++) {
    images.push(await db.image.create({ data: { organizationId: org.id, projectId: project.id, name: `img${i}.tif`, status: 'READY', sizeBytes: 1n, sourceKey: `b/${i}`, partSize: 1, partCount: 1, width: 4096, height: 4096, sizeC: 1, dtype: 'uint8' } }));
  }
  const users = [];
  for (let i = 0; i <= ANNOTATORS; i++) {
    const u = await db.user.create({ data: { email: `a${i}@bench.test`, name: `Annotator ${i}`, passwordHash: 'x', memberships: { create: { organizationId: org.id, role: 'ANNOTATOR' } } } });
    users.push({ id: u.id, cookie: `authjs.session-token=${await encode({ token: { sub: u.id }, secret: SECRET, salt: 'authjs.session-token' })}` });
  }
  return { db, orgId: org.id, classId: project.labelClasses[1]!.id, images: images.map((i) => i.id), users };
}

/** An SSE reader that records when each annotation id first arrives. */
async function observe(url: string, cookie: string, arrivals: Map<string, number>, signal: AbortSignal) {
  const res = await fetch(url, { headers: { cookie, accept: 'text/event-stream' }, signal });
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let buf = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += dec.decode(value, { stream: true });
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (!block.includes('event: op')) continue;
          const data = JSON.parse(block.slice(block.indexOf('data: ') + 6)) as { annotation: { id: string } };
          if (!arrivals.has(data.annotation.id)) arrivals.set(data.annotation.id, performance.now());
        }
      }
    } catch {
      /* aborted */
    }
  })();
}

async function loadTest(s: Awaited<ReturnType<typeof seed>>) {
  const env = { DATABASE_URL: DB_URL, REDIS_URL, AUTH_SECRET: SECRET, API_RATE_LIMIT_PER_MIN: '100000' };
  const servers = await Promise.all(PORTS.map((p) => spawnAnnotationServer(env, p, HOST)));
  const base = (port: number, image: string) => `http://127.0.0.1:${port}/api/v1/orgs/${s.orgId}/images/${image}/annotations`;
  const arrivals = new Map<string, number>();
  const ctl = new AbortController();
  // the observer (the 51st user) watches image 0 through the *other* process than the annotators of image 0 write to
  await observe(`${base(PORTS[1]!, s.images[0]!)}/events`, s.users[ANNOTATORS]!.cookie, arrivals, ctl.signal);
  await new Promise((r) => setTimeout(r, 300));
  const latencies: number[] = [], warmup: number[] = [], sentAt = new Map<string, number>(), acked = new Set<string>(), errors: string[] = [];
  let stop = Infinity, measureFrom = Infinity;
  const annotator = async (k: number) => {
    const image = s.images[k % IMAGES]!;
    const port = PORTS[k % IMAGES === 0 ? 0 : k % 2]!;
    await new Promise((r) => setTimeout(r, Math.random() * (1000 / RATE)));
    let next = performance.now();
    while (next < stop) {
      const id = randomUUID();
      const pts: number[] = [];
      const x = Math.random() * 4000, y = Math.random() * 4000;
      for (let i = 0; i < 30; i++) pts.push(x + i * 3, y + Math.sin(i / 3) * 10);
      const op = { type: 'create', key: randomUUID(), annotation: { id, kind: 'brush', labelClassId: s.classId, geometry: { type: 'polyline', points: pts, width: 8 } } };
      const t0 = performance.now();
      sentAt.set(id, t0);
      try {
        const res = await fetch(`${base(port, image)}/ops`, { method: 'POST', headers: { cookie: s.users[k]!.cookie, origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' }, body: JSON.stringify({ ops: [op] }) });
        const body = (await res.json()) as { results?: { status: string }[] };
        if (res.ok && body.results?.[0]?.status === 'applied') acked.add(id);
        else errors.push(`${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      } catch (e) {
        errors.push(String(e));
      }
      (t0 >= measureFrom ? latencies : warmup).push(performance.now() - t0);
      next += 1000 / RATE;
      const wait = next - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  };
  // reference, run first: one annotator alone (5 strokes/s for 3 s) on the same processes
  const soloStop = performance.now() + 3000;
  const solo: number[] = [];
  for (let next = performance.now(); next < soloStop; next += 1000 / RATE) {
    const op = { type: 'create', key: randomUUID(), annotation: { id: randomUUID(), kind: 'brush', labelClassId: s.classId, geometry: { type: 'polyline', points: [1, 2, 30, 40, 50, 60], width: 8 } } };
    const t = performance.now();
    const res = await fetch(`${base(PORTS[1]!, s.images[1]!)}/ops`, { method: 'POST', headers: { cookie: s.users[1]!.cookie, origin: `http://127.0.0.1:${PORTS[1]}`, 'content-type': 'application/json' }, body: JSON.stringify({ ops: [op] }) });
    await res.text();
    solo.push(performance.now() - t);
    const wait = next + 1000 / RATE - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  // the same load for WARMUP_SECONDS first (new connections, JIT, caches), then SECONDS measured
  measureFrom = performance.now() + WARMUP_SECONDS * 1000;
  stop = measureFrom + SECONDS * 1000;
  await Promise.all(Array.from({ length: ANNOTATORS }, (_, k) => annotator(k)));
  const wall = (performance.now() - measureFrom) / 1000;
  // give the live stream up to 5 s to deliver the last strokes of image 0
  const image0 = new Set((await s.db.annotation.findMany({ where: { imageId: s.images[0] }, select: { id: true } })).map((r) => r.id));
  for (let t = 0; t < 50 && [...image0].some((id) => !arrivals.has(id)); t++) await new Promise((r) => setTimeout(r, 100));
  ctl.abort();
  await Promise.all(servers.map(killHard));
  const prop: number[] = [];
  for (const [id, t] of arrivals) if ((sentAt.get(id) ?? -1) >= measureFrom) prop.push(t - sentAt.get(id)!);
  const rows = await s.db.annotation.findMany({ select: { id: true, imageId: true } });
  const stored = new Set(rows.map((r) => r.id));
  const ops = await s.db.annotationOp.count();
  const lost = [...acked].filter((id) => !stored.has(id)).length;
  const missedLive = [...image0].filter((id) => !arrivals.has(id)).length;
  return { solo, warmup, latencies, prop, lost, duplicated: ops - stored.size + (rows.length - stored.size), saved: acked.size, attempted: sentAt.size, measured: latencies.length, errors, wall, missedLive, image0: image0.size };
}

async function frameBench() {
  const out = await build({ entryPoints: [path.join(import.meta.dirname, 'frame-bench-entry.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022', tsconfig: path.join(ROOT, 'apps/web/tsconfig.json') });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1300, height: 820 } });
    await page.setContent('<!doctype html><html><body style="margin:0"></body></html>');
    await page.addScriptTag({ content: out.outputFiles[0]!.text });
    return await page.evaluate(() => window.runFrameBench(10_000, 300));
  } finally {
    await browser.close();
  }
}

/** The rasteriser the trainer uses: 10,000 shapes (strokes, instances, erasers) on a 4096×4096 image. */
function rasteriseBench() {
  let seed = 7;
  const r = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const shapes: AnnotationShape[] = [];
  for (let i = 0; i < 10_000; i++) {
    const x = r() * 4000, y = r() * 4000;
    if (i % 3 === 0) {
      const pts: number[] = [];
      for (let k = 0; k < 30; k++) pts.push(x + k * 3, y + Math.sin(k / 3) * 10);
      shapes.push({ id: `s${i}`, kind: i % 30 === 0 ? 'eraser' : 'brush', classIndex: 1, order: i, geometry: { type: 'polyline', points: pts, width: 8 } });
    } else {
      const ring: number[] = [];
      for (let k = 0; k < 24; k++) ring.push(x + Math.cos((k / 24) * 2 * Math.PI) * 12, y + Math.sin((k / 24) * 2 * Math.PI) * 12);
      shapes.push({ id: `s${i}`, kind: 'instance', classIndex: 2, order: i, geometry: { type: 'polygon', rings: [ring] } });
    }
  }
  const times: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    rasteriseAnnotations(shapes, { width: 4096, height: 4096, instanceGap: true });
    times.push(performance.now() - t);
  }
  return Math.min(...times);
}

const rasterMs = rasteriseBench();
console.log(`rasterise 10,000 shapes into 4096×4096 label + instance masks (with instance gaps): ${r1(rasterMs)} ms (best of 3)`);
const s = await seed();
console.log(`seeded: ${ANNOTATORS} annotators on ${IMAGES} images, 2 web processes (${HOST === 'production' ? 'the production server: Next.js + fast routes' : 'the fast routes alone on node:http (no next build, or --plain)'}), ${SECONDS} s at ${RATE} strokes/s each`);
const load = await loadTest(s);
await s.db.$disconnect();
const saveP50 = pct(load.latencies, 50), saveP95 = pct(load.latencies, 95), propP95 = pct(load.prop, 95);
console.log(`saves: ${load.saved}/${load.attempted} acknowledged; measured ${load.measured} in ${r1(load.wall)} s after ${WARMUP_SECONDS} s of warm-up (${r1(load.measured / load.wall)}/s offered ${ANNOTATORS * RATE}/s); errors ${load.errors.length}${load.errors[0] ? ` e.g. ${load.errors[0]}` : ''}`);
console.log(`reference, one annotator alone: save p50 ${r1(pct(load.solo, 50))}  p95 ${r1(pct(load.solo, 95))} ms (n=${load.solo.length})`);
console.log(`warm-up (first ${WARMUP_SECONDS} s of the same load, not in the figures): save p50 ${r1(pct(load.warmup, 50))}  p95 ${r1(pct(load.warmup, 95))} ms`);
console.log(`save latency ms: p50 ${r1(saveP50)}  p95 ${r1(saveP95)}  p99 ${r1(pct(load.latencies, 99))}  max ${r1(Math.max(...load.latencies))}   (target p95 <= 50)`);
console.log(`propagation (send on process A → SSE on process B) ms: p50 ${r1(pct(load.prop, 50))}  p95 ${r1(propP95)}  n=${load.prop.length}  missed ${load.missedLive}/${load.image0}   (target p95 <= 300)`);
console.log(`lost strokes ${load.lost}, duplicated strokes ${load.duplicated}`);
const fb = await frameBench();
const frameP95 = pct(fb.cachedWork!, 95);
console.log(`frame (Chromium, software canvas, ${fb.inView![0]} objects in view, panning 300 frames): editor work per frame p50 ${r1(pct(fb.cachedWork!, 50))}  p95 ${r1(frameP95)}  max ${r1(Math.max(...fb.cachedWork!))} ms; rAF interval p95 ${r1(pct(fb.cachedInterval!, 95))} ms   (target p95 <= 16)`);
console.log(`  reference, naive full redraw of everything in view each frame: p50 ${r1(pct(fb.naiveWork!, 50))}  p95 ${r1(pct(fb.naiveWork!, 95))} ms`);
const result = { saveP50Ms: r1(saveP50), saveP95Ms: r1(saveP95), propagationP95Ms: r1(propP95), frameP95Ms: r1(frameP95), lostStrokes: load.lost, duplicatedStrokes: load.duplicated, naiveFrameP95Ms: r1(pct(fb.naiveWork!, 95)), strokesSaved: load.saved, strokesAttempted: load.attempted, rasterise10kMs: r1(rasterMs), soloSaveP95Ms: r1(pct(load.solo, 95)) };
await mkdir(path.join(ROOT, '.bench'), { recursive: true });
await writeFile(path.join(ROOT, '.bench/annotation.json'), JSON.stringify(result, null, 2));
console.log(JSON.stringify(result));
process.exit(0);
