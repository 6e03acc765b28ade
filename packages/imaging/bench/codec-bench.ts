/**
 * npm run bench -w @tessera/imaging — decode/encode throughput on a generated 4096×4096 2-channel uint16 image
 * (tiles of a real BBBC039 image), next to Debian's tifffile reading the same files when it is installed.
 * Ends with one line of JSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesReader, downsample2x, histogram, openTiff, readImage, writeTiff, type ImageStack } from '../src/index';

const ROOT = join(import.meta.dirname, '../../..');
const OUT = join(ROOT, '.bench/imaging');
mkdirSync(OUT, { recursive: true });
const BBBC = join(ROOT, '../shared/data/nuclei-bbbc039/images');
const src = readImage(readFileSync(join(BBBC, readdirSync(BBBC).sort()[0]!))).planes[0]!.data;

const N = 4096;
const data = new Uint16Array(N * N * 2);
for (let y = 0; y < N; y++) {
  for (let x = 0; x < N; x++) {
    const v = src[(y % 520) * 696 + (x % 696)]!;
    data[(y * N + x) * 2] = v;
    data[(y * N + x) * 2 + 1] = 4095 - v;
  }
}
const stack: ImageStack = { width: N, height: N, sizeC: 2, sizeZ: 1, sizeT: 1, dtype: 'uint16', planes: [{ width: N, height: N, channels: 2, dtype: 'uint16', data }] };
const mpix = (N * N) / 1e6;
const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return (performance.now() - t) / 1000;
};

const results: Record<string, number> = {};
for (const compression of ['none', 'deflate'] as const) {
  let bytes: Uint8Array = new Uint8Array();
  const w = time(() => (bytes = writeTiff(stack, { compression })));
  const file = join(OUT, `bench-${compression}.ome.tif`);
  writeFileSync(file, bytes);
  let back: ImageStack | undefined;
  const r = time(() => (back = readImage(bytes)));
  if (back!.planes[0]!.data[12345] !== data[12345]) throw new Error('round trip mismatch');
  results[`write_${compression}_MpixPerSec`] = mpix / w;
  results[`read_${compression}_MpixPerSec`] = mpix / r;
  const py = spawnSync('/usr/bin/python3', ['-c', `import sys,time,tifffile\nt=time.perf_counter(); a=tifffile.imread(sys.argv[1]); print(time.perf_counter()-t)`, file], { encoding: 'utf8' });
  if (py.status === 0) results[`tifffile_read_${compression}_MpixPerSec`] = mpix / Number(py.stdout.trim());
  console.log(`${compression.padEnd(8)} ${(bytes.length / 2 ** 20).toFixed(1)} MiB  write ${(mpix / w).toFixed(1)} Mpix/s  read ${(mpix / r).toFixed(1)} Mpix/s` +
    (py.status === 0 ? `  (tifffile read ${(mpix / Number(py.stdout.trim())).toFixed(1)} Mpix/s)` : '  (tifffile not installed)'));
}

const deflated = readFileSync(join(OUT, 'bench-deflate.ome.tif'));
const tiff = await openTiff(bytesReader(new Uint8Array(deflated)));
const t0 = performance.now();
for (let i = 0; i < 50; i++) await tiff.readPlane(0, 0, { x: (i * 73) % (N - 256), y: (i * 131) % (N - 256), width: 256, height: 256 });
results.regionRead256Ms = (performance.now() - t0) / 50;
console.log(`openTiff 256×256 region (deflate, 2 channels): ${results.regionRead256Ms.toFixed(1)} ms each`);

const plane = stack.planes[0]!;
results.downsampleMeanMpixPerSec = mpix / time(() => downsample2x(plane, 'mean'));
results.histogramMpixPerSec = mpix / time(() => histogram(plane, 0, 65536));
console.log(`downsample2x mean ${results.downsampleMeanMpixPerSec.toFixed(1)} Mpix/s, histogram ${results.histogramMpixPerSec.toFixed(1)} Mpix/s`);
console.log(JSON.stringify(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, Math.round(v * 10) / 10]))));
