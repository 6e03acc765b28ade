import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { createStorage, ensureBucket, startLocalS3Process } from '@tessera/storage';
import { openSource } from '../../../packages/zarr/src/open-source';
import { s3RangeReader } from '../src/jobs/s3-range-reader';
const file = '/work/main/.bench/ingest/bench-20000.tif';
function cpuSeconds(pid: number): number { let total = 0; for (const d of readdirSync('/proc')) { if (!/^\d+$/.test(d)) continue; try { const f = readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' '); if (Number(d) === pid || Number(f[1]) === pid) total += (Number(f[11]) + Number(f[12])) / 100; } catch {} } return total; }
rmSync('/tmp/s3io', { recursive: true, force: true });
const s3 = await startLocalS3Process({ directory: '/tmp/s3io', port: 9351, buckets: ['bench-io'] });
const storage = createStorage({ endpoint: s3.endpoint, region: 'us-east-1', bucket: 'bench-io', accessKeyId: 'tessera-local', secretAccessKey: 'tessera-local-secret', forcePathStyle: true });
await ensureBucket(storage);
const bytes = readFileSync(file);
await storage.fastPut('upload.tif', bytes);
const measure = async (name: string, f: () => Promise<void>) => {
  const s0 = cpuSeconds(s3.pid!); const c0 = process.cpuUsage(); const t0 = performance.now();
  await f();
  const c = process.cpuUsage(c0);
  console.log(`${name}: wall ${((performance.now() - t0) / 1000).toFixed(2)} s, client ${((c.user + c.system) / 1e6).toFixed(2)} (sys ${(c.system / 1e6).toFixed(2)}), s3 ${(cpuSeconds(s3.pid!) - s0).toFixed(2)}`);
};
for (let r = 0; r < 2; r++) {
  await measure('raw 8 MiB ranged reads', async () => { for (let o = 0; o < bytes.length; o += 8 << 20) await storage.fastGetRange('upload.tif', o, Math.min(bytes.length, o + (8 << 20))); });
  await measure('readRows bands', async () => {
    const src = await openSource(s3RangeReader(storage, 'upload.tif', bytes.length), bytes.length, { maxPixels: 1e10 });
    for (let y = 0; y < src.height; y += 512) await src.readRows(0, 0, y, Math.min(512, src.height - y));
  });
  const body = new Uint8Array(50_000).map((_, i) => i & 255);
  await measure('4278 PUTs of 50 KB (16 in flight)', async () => {
    let k = 0;
    await Promise.all(Array.from({ length: 16 }, async () => { while (k < 4278) await storage.fastPut(`out${r}/${k++}`, body); }));
  });
}
await s3.close();
