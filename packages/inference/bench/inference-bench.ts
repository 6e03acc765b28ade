// npm run bench:inference — tiled inference of a UNet-sized ONNX model on a generated 8192 x 8192 uint16 image.
// Prints the figures and ends with one JSON line: { mpixPerSec, overheadRatio, peakRssMb, ... }.
// BENCH_MODE=band: the image is generated band by band through a RegionSource and labels stream to .bench/ (bounded
// memory, nothing image-sized in RAM). BENCH_SIZE, BENCH_BATCH, BENCH_MEMPATTERN=0, BENCH_ARENA=1 override the defaults.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { calculateTiles1D, combineTiles2D, extractTile } from '@tessera/tiling';
import { loadModel, predict, type Raster } from '../src/index';
import { unetModel } from './unet-model';

const SIZE = Number(process.env.BENCH_SIZE ?? 8192);
const MODE = process.env.BENCH_MODE === 'band' ? 'band' : 'memory';
const TILE = 256;
const BORDER = 8;
const BATCH = Number(process.env.BENCH_BATCH ?? 2);
const rssMb = () => process.memoryUsage().rss / 2 ** 20;

const onnx = unetModel();
const model = await loadModel({
  format: 'czann', onnx,
  metadata: { type: 'SingleClassSemanticSegmentation', inputShape: [TILE, TILE, 1], outputShape: [TILE, TILE, 2], minOverlap: [2 * BORDER, 2 * BORDER], classes: ['Background', 'Object'], extra: {} },
}, { memPattern: process.env.BENCH_MEMPATTERN !== '0', cpuMemArena: process.env.BENCH_ARENA === '1', spinning: process.env.BENCH_SPIN === '1' });
// Warm-up: one batch, so that neither timed pass pays onnxruntime's first-run allocations.
await model.session.run({ [model.inputName]: new ort.Tensor('float32', new Float32Array(BATCH * TILE * TILE), [BATCH, TILE, TILE, 1]) });
const baselineMb = rssMb();

/** Generated image rows [y0, y1): blobs on a gradient with noise, uint16. */
function generateRows(y0: number, y1: number): Raster {
  const data = new Uint16Array((y1 - y0) * SIZE);
  for (let y = y0; y < y1; y++) {
    const sy = Math.sin(y * 0.05);
    const row = (y - y0) * SIZE;
    for (let x = 0; x < SIZE; x++) data[row + x] = 8000 + 20000 * (sy * Math.sin(x * 0.07) > 0.3 ? 1 : 0) + ((x * 7919 + y * 104729) % 3000);
  }
  return { width: SIZE, height: y1 - y0, channels: 1, dtype: 'uint16', data };
}

const inputMb = (SIZE * SIZE * 2) / 2 ** 20;
const image = MODE === 'memory' ? generateRows(0, SIZE) : undefined;
console.log(`image ${SIZE}x${SIZE} uint16 (${inputMb.toFixed(0)} MiB, ${MODE === 'memory' ? 'in memory' : 'generated band by band'}), ` +
  `model ${(onnx.length / 1024).toFixed(0)} KiB, tile ${TILE}, border ${BORDER}, batch ${BATCH}`);
console.log(`RSS after loading the session, before the image: ${baselineMb.toFixed(0)} MiB`);

const benchDir = join(import.meta.dirname, '../../../.bench');
mkdirSync(benchDir, { recursive: true });
const fd = MODE === 'band' ? openSync(join(benchDir, `labels-${SIZE}.u8`), 'w') : -1;
let lastPct = -1;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const result = await predict(model, image ?? { width: SIZE, height: SIZE, channels: 1, dtype: 'uint16', readRegion: (r) => generateRows(r.y, r.y + r.h) }, {
  batchSize: BATCH,
  keepOutputs: MODE === 'memory',
  onBand: MODE === 'band' ? (_p, y, o) => { writeSync(fd, o.labels!.data as Uint8Array, 0, o.labels!.data.length, y * SIZE); } : undefined,
  onProgress: ({ tilesDone, tilesTotal }) => {
    const pct = Math.floor((100 * tilesDone) / tilesTotal / 10) * 10;
    if (pct !== lastPct) { lastPct = pct; process.stdout.write(`${pct}% `); }
  },
});
const pipelineMs = performance.now() - t0;
const pipelineCpu = process.cpuUsage(cpu0);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
if (fd >= 0) closeSync(fd);
console.log(`\npipeline: ${(pipelineMs / 1000).toFixed(1)} s for ${result.stats.tiles} tiles in ${result.stats.batches} batches`);

// Reference: the same tiles, same batches, session.run alone (inputs built outside the timed region).
const xs = calculateTiles1D(SIZE, { tileLength: TILE, minBorder: BORDER });
const ys = calculateTiles1D(SIZE, { tileLength: TILE, minBorder: BORDER });
const tiles = ys.flatMap((ty) => combineTiles2D({ x: 0, y: 0, w: SIZE, h: SIZE }, xs, [ty]));
const buf = new Float32Array(BATCH * TILE * TILE);
let runMs = 0;
let runCpuUs = 0;
let band: { y0: number; r: Raster } | undefined;
for (let i = 0; i < tiles.length; i += BATCH) {
  const batch = tiles.slice(i, i + BATCH);
  batch.forEach((t, k) => {
    if (image) { extractTile(image, t.roi, { out: buf, outOffset: k * TILE * TILE }); return; }
    if (band?.y0 !== t.roi.y) band = { y0: t.roi.y, r: generateRows(t.roi.y, t.roi.y + TILE) };
    extractTile(band.r, { ...t.roi, y: 0 }, { out: buf, outOffset: k * TILE * TILE });
  });
  for (let k = 0; k < batch.length * TILE * TILE; k++) buf[k] = buf[k]! / 65535;
  const tensor = new ort.Tensor('float32', buf.subarray(0, batch.length * TILE * TILE), [batch.length, TILE, TILE, 1]);
  const c = process.cpuUsage();
  const s = performance.now();
  const out = await model.session.run({ [model.inputName]: tensor });
  runMs += performance.now() - s;
  const dc = process.cpuUsage(c);
  runCpuUs += dc.user + dc.system;
  out[model.outputName]!.dispose();
}
const overheadRatio = pipelineMs / runMs;
// Wall time is at the mercy of other processes on a shared machine; CPU time (all threads of this process) less so.
const cpuOverheadRatio = (pipelineCpu.user + pipelineCpu.system) / runCpuUs;
const mpixPerSec = (SIZE * SIZE) / 1e6 / (pipelineMs / 1000);
const modelMb = onnx.length / 2 ** 20;
const rssBoundMb = 2 * inputMb + modelMb;
const load = os.loadavg()[0]!;
console.log(`summed session.run on the same ${tiles.length} tiles: ${(runMs / 1000).toFixed(1)} s`);
console.log(`throughput ${mpixPerSec.toFixed(2)} Mpx/s; overhead ratio ${overheadRatio.toFixed(3)} wall, ${cpuOverheadRatio.toFixed(3)} CPU time (target <= 1.10); load average ${load.toFixed(1)} on ${os.cpus().length} cores`);
console.log(`peak RSS ${peakRssMb.toFixed(0)} MiB (target <= 2 x input + model = ${rssBoundMb.toFixed(0)} MiB); node+tsx+onnxruntime baseline ${baselineMb.toFixed(0)} MiB, peak above baseline ${(peakRssMb - baselineMb).toFixed(0)} MiB`);
console.log(JSON.stringify({ mpixPerSec, overheadRatio, peakRssMb, mode: MODE, cpuOverheadRatio, loadAverage: load, pipelineS: pipelineMs / 1000, sessionRunS: runMs / 1000, tiles: tiles.length, batch: BATCH, inputMb, baselineRssMb: baselineMb, rssBoundMb, size: SIZE }));
