// npm run bench:instances -w @tessera/inference — BBBC039 ground-truth foreground -> instances, ours vs skimage,
// side by side: AP@0.5 (TP / (TP + FP + FN)) against the instance ground truth and time per image.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { matchInstances, segmentInstances } from '../src/index';
import { nucleiNames, readNucleiTruth } from '../test/bbbc039';

const dir = join(import.meta.dirname, '../../../.bench/instances');
mkdirSync(dir, { recursive: true });
const names = nucleiNames();
const truths = names.map(readNucleiTruth);
writeFileSync(join(dir, 'manifest.json'), JSON.stringify(truths.map((t, i) => ({ name: names[i], width: t.width, height: t.height }))));
truths.forEach((t, i) => writeFileSync(join(dir, `${i}.u8`), t.foreground));

const ours = { ap: 0, ms: 0, cc: 0 };
truths.forEach((t) => {
  const labels = Uint8Array.from(t.foreground, (v) => v + 1);
  segmentInstances({ width: t.width, height: t.height, labels }); // warm-up (JIT)
});
truths.forEach((t) => {
  const labels = Uint8Array.from(t.foreground, (v) => v + 1);
  const t0 = performance.now();
  const r = segmentInstances({ width: t.width, height: t.height, labels }, { method: 'watershedDistance' });
  ours.ms += performance.now() - t0;
  ours.ap += matchInstances(r.labels, t.instances).ap;
  ours.cc += matchInstances(segmentInstances({ width: t.width, height: t.height, labels }, { method: 'connectedComponents' }).labels, t.instances).ap;
});
const py = JSON.parse(execFileSync('/usr/bin/python3', [join(import.meta.dirname, 'skimage_watershed.py'), dir], { encoding: 'utf8' })) as { times: number[]; timesH: number[] };
let skAp = 0;
let skHAp = 0;
const readI32 = (f: string) => { const b = readFileSync(join(dir, f)); return new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4); };
truths.forEach((t, i) => {
  skAp += matchInstances(readI32(`${i}.ws.i32`), t.instances).ap;
  skHAp += matchInstances(readI32(`${i}.hm.i32`), t.instances).ap;
});
const n = truths.length;
const skMs = (py.times.reduce((a, b) => a + b, 0) * 1000) / n;
const skHMs = (py.timesH.reduce((a, b) => a + b, 0) * 1000) / n;
console.log(`BBBC039, ${n} images (520 x 696), ground-truth foreground -> instances, AP@0.5 = TP/(TP+FP+FN):`);
console.log(`  tessera watershedDistance (seedDynamic 1, smoothing 1): AP ${(ours.ap / n).toFixed(4)}, ${(ours.ms / n).toFixed(1)} ms/image`);
console.log(`  skimage 0.19 watershed (EDT, peak_local_max min_distance=5): AP ${(skAp / n).toFixed(4)}, ${skMs.toFixed(1)} ms/image`);
console.log(`  skimage 0.19 watershed (EDT, h_maxima h=1 markers, like ours): AP ${(skHAp / n).toFixed(4)}, ${skHMs.toFixed(1)} ms/image`);
console.log(`  connected components only (no splitting): AP ${(ours.cc / n).toFixed(4)}`);
console.log(`  (times are wall clock on a shared machine: load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`);
console.log(JSON.stringify({ loadAverage: os.loadavg()[0], images: n, apOurs: ours.ap / n, msOurs: ours.ms / n, apSkimage: skAp / n, msSkimage: skMs, apSkimageHMaxima: skHAp / n, msSkimageHMaxima: skHMs, apConnectedComponents: ours.cc / n }));
