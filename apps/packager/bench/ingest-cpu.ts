/**
 * npm run bench:ingest-cpu -w @tessera/packager [-- --size 8000 --rounds 2]: where ingest's time goes. The same
 * generated TIFF as bench:ingest (uint16, 2 channels; default 8000², made under .bench/, never committed) is put into
 * the local S3 server (two processes, as the platform runs it) and ingested straight from it with the job's reader and
 * sink, pyramid workers on (default) and off, alternating; prints wall time and CPU seconds of the ingest process
 * (all its threads) and of the S3 server processes. Medians over the rounds; last line JSON.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createStorage, ensureBucket, S3ConfigSchema, startLocalS3Process } from '@tessera/storage';
import { ingestImage } from '@tessera/zarr';
import { generateTiff } from '../../web/bench/generate-tiff';
import { s3RangeReader } from '../src/jobs/s3-range-reader';

const { values } = parseArgs({ options: { size: { type: 'string', default: '8000' }, rounds: { type: 'string', default: '2' } } });
const SIZE = Number(values.size);
const ROOT = path.resolve(import.meta.dirname, '../../..');
const OUT = path.join(ROOT, '.bench/ingest');
const file = path.join(OUT, `bench-${SIZE}.tif`);
mkdirSync(OUT, { recursive: true });
if (!existsSync(file)) generateTiff(file, SIZE, SIZE);

/** CPU seconds of a process and its children (the S3 server's cluster workers), from /proc. */
function cpuSeconds(pid: number): number {
  const tick = 100;
  let total = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(d) === pid || Number(f[1]) === pid) total += (Number(f[11]) + Number(f[12])) / tick;
    } catch { /* gone */ }
  }
  return total;
}

const s3Dir = path.join(OUT, 's3-cpu');
rmSync(s3Dir, { recursive: true, force: true });
const s3 = await startLocalS3Process({ directory: s3Dir, port: 9318, buckets: ['bench-cpu'] });
const storage = createStorage(S3ConfigSchema.parse({ endpoint: s3.endpoint, bucket: 'bench-cpu' }));
await ensureBucket(storage);
const size = statSync(file).size;
await storage.fastPut('upload.tif', readFileSync(file)); // not kept: a 1.6 GB buffer held here slows this process's GC
const mpix = (SIZE * SIZE) / 1e6;
const rows: Record<string, { wall: number; ingest: number; s3: number }[]> = { workers: [], 'one thread': [] };
try {
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const [name, workers] of [['workers', undefined], ['one thread', 0]] as const) {
      const s0 = cpuSeconds(s3.pid!);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const r = await ingestImage({
        reader: s3RangeReader(storage, 'upload.tif', size), size, name: 'bench', limits: { maxPixels: 1e10 },
        sink: (key, b) => storage.fastPut(`out-${round}-${workers ?? 'w'}/${key}`, b), workers,
      });
      const wall = (performance.now() - t0) / 1000;
      const c = process.cpuUsage(c0);
      const row = { wall, ingest: (c.user + c.system) / 1e6, s3: cpuSeconds(s3.pid!) - s0 };
      rows[name]!.push(row);
      console.log(`${name.padEnd(10)} ${SIZE}², ${r.chunksWritten} chunks: ${row.wall.toFixed(2)} s (${(mpix / row.wall).toFixed(1)} Mpix/s), CPU: ingest ${row.ingest.toFixed(2)} s, S3 server ${row.s3.toFixed(2)} s`);
    }
  }
} finally {
  await s3.close();
  rmSync(s3Dir, { recursive: true, force: true });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const summary = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, { wallS: median(v.map((r) => r.wall)), ingestCpuS: median(v.map((r) => r.ingest)), s3CpuS: median(v.map((r) => r.s3)) }]));
console.log(`${availableParallelism()} cores; S3 server: ${s3.endpoint}`);
console.log(JSON.stringify({ size: SIZE, ...summary }));
