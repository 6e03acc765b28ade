import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
// scratch (not committed): profile one 20000² ingest: main thread via inspector, S3 server via --cpu-prof (second server on a pre-filled dir)
import { readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { createStorage, ensureBucket, S3ConfigSchema, startLocalS3Process } from '@tessera/storage';
import { ingestImage } from '@tessera/zarr';
import { s3RangeReader } from '../src/jobs/s3-range-reader';
const SIZE = Number(process.env.SIZE ?? 20000);
const file = path.resolve(import.meta.dirname, `../../../.bench/ingest/bench-${SIZE}.tif`);
const dir = '/work/main/.bench/prof-s3';
const size = statSync(file).size;
if (!process.env.KEEP) {
  rmSync(dir, { recursive: true, force: true });
  const s3a = await startLocalS3Process({ directory: dir, port: 9319, buckets: ['prof'] });
  const st = createStorage(S3ConfigSchema.parse({ endpoint: s3a.endpoint, bucket: 'prof' }));
  await ensureBucket(st);
  await st.fastPut('upload.tif', readFileSync(file));
  await s3a.close();
}
process.execArgv.push(...(process.env.PROF_S3 ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []));
const s3 = await startLocalS3Process({ directory: dir, port: 9319, buckets: ['prof'] });
const storage = createStorage(S3ConfigSchema.parse({ endpoint: s3.endpoint, bucket: 'prof' }));
const session = new Session();
session.connect();
if (process.env.PROF_MAIN) { await session.post('Profiler.enable'); await session.post('Profiler.start'); }
const s3cpu = () => { const f = require('node:fs').readFileSync(`/proc/${s3.pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) / 100; };
const s0 = s3cpu();
const t0 = performance.now();
const c0 = process.cpuUsage();
const r = await ingestImage({ reader: s3RangeReader(storage, 'upload.tif', size), size, name: 'bench', limits: { maxPixels: 1e10 },
  sink: (key, b) => storage.fastPut(`out-${Date.now()}/${key}`, b), workers: process.env.WORKERS ? Number(process.env.WORKERS) : undefined });
const wall = (performance.now() - t0) / 1000;
const c = process.cpuUsage(c0);
if (process.env.PROF_MAIN) { const { profile } = await session.post('Profiler.stop'); writeFileSync('/tmp/prof/main.cpuprofile', JSON.stringify(profile)); }
console.log(`${SIZE}² ${r.chunksWritten} chunks: wall ${wall.toFixed(2)} s, S3 CPU ${(s3cpu() - s0).toFixed(2)}, ingest CPU user ${(c.user / 1e6).toFixed(2)} sys ${(c.system / 1e6).toFixed(2)}`);
await s3.close();
process.exit(0);
