import { allocateSamples, downsample2x, pixelPairs, type Raster, type TypedArray } from '@tessera/imaging';
import { bandStats, type BandStats } from './channel-stats';
import { encodeChunk, type Compression } from './chunk-codec';
import { chunkKey } from './ome-zarr-metadata';
import { SamplePool } from './sample-pool';

/** One band of chunk rows of one pyramid level, to be cut into encoded chunks (and halved for the next level). */
export interface BandTask {
  band: Raster;
  level: number;
  t: number;
  z: number;
  /** The band's first chunk row. */
  cy: number;
  chunkSize: number;
  compression: Compression;
  /** Count the band's values (full-resolution bands). */
  stats: boolean;
  /** Return the band halved (2×2 mean) for the next level, written into this array. */
  halfInto?: TypedArray;
  /** Hand the band back (the smallest level: thumbnail and histogram source). */
  keepBand: boolean;
}

export interface EncodedChunk {
  key: string;
  bytes: Uint8Array;
}

export interface BandResult {
  chunks: EncodedChunk[];
  stats?: BandStats;
  half?: Raster;
  band?: Raster;
  /** The band's samples when it was not kept, for the caller to reuse. */
  spent?: TypedArray;
}

/** The CPU work of a pyramid band, the same on the main thread or in a pyramid worker. */
export function processBand(task: BandTask): BandResult {
  const { band, chunkSize: cs } = task;
  const chunks: EncodedChunk[] = [];
  // compressed chunks are copies: the cut chunk is scratch, reused (fresh memory costs more here than the cut itself)
  const scratch = task.compression === 'none' ? undefined : ([chunkScratch.take(band.dtype, cs * cs), chunkScratch.take(band.dtype, cs * cs)] as const);
  // two 16-bit channels are counted while they are cut (one pass over the band); other bands after
  const pairCounts = task.stats && pixelPairs(band) ? [new Uint32Array(65536), new Uint32Array(65536)] as const : undefined;
  cutBand(band, cs, scratch, pairCounts, (c, cx, samples) => {
    const raw = new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
    chunks.push({ key: chunkKey(task.level, task.t, c, task.z, task.cy, cx), bytes: encodeChunk(raw, task.compression) });
  });
  scratch?.forEach((a) => chunkScratch.give(band.dtype, a));
  const stats = pairCounts ? { counts: [...pairCounts], mins: [Infinity, Infinity], maxs: [-Infinity, -Infinity] } : task.stats ? bandStats(band) : undefined;
  return {
    stats,
    chunks,
    half: task.halfInto ? downsample2x(band, 'mean', task.halfInto) : undefined,
    band: task.keepBand ? band : undefined,
    spent: task.keepBand ? undefined : band.data,
  };
}

/** This thread's chunk-sized scratch arrays, reused band after band. */
const chunkScratch = new SamplePool(2);

/**
 * Cuts a band (≤ chunkSize rows) into one zero-padded chunk per (cx, channel), channels de-interleaved, and hands
 * each to `emit` in turn. With `scratch`, chunks are written there (so `emit` must be done with one before the next);
 * without, each is a new array. `pairCounts` (two 16-bit channels only) receives each channel's value counts.
 */
function cutBand(
  band: Raster, cs: number, scratch: readonly [TypedArray, TypedArray] | undefined, pairCounts: readonly [Uint32Array, Uint32Array] | undefined,
  emit: (c: number, cx: number, chunk: TypedArray) => void,
): void {
  const { width, height, channels: C, data, dtype } = band;
  /** A chunk to fill `w` columns of: scratch is cleared first where part of it is padding (the last row or column). */
  const chunkArray = (i: 0 | 1, w: number) => (!scratch ? allocateSamples(dtype, cs * cs) : height < cs || w < cs ? scratch[i].fill(0) : scratch[i]);
  const pairs = pixelPairs(band);
  for (let cx = 0; cx < Math.ceil(width / cs); cx++) {
    const x0 = cx * cs;
    const w = Math.min(cs, width - x0);
    if (pairs) {
      const a = chunkArray(0, w), b = chunkArray(1, w);
      cutPairs(pairs, width, x0, w, height, cs, a as Uint16Array, b as Uint16Array, pairCounts);
      emit(0, cx, a);
      emit(1, cx, b);
      continue;
    }
    for (let c = 0; c < C; c++) {
      const chunk = chunkArray(0, w);
      if (C === 1) {
        for (let y = 0; y < height; y++) chunk.set(data.subarray(y * width + x0, y * width + x0 + w), y * cs);
      } else {
        for (let y = 0; y < height; y++) {
          let i = (y * width + x0) * C + c;
          const o = y * cs;
          for (let x = 0; x < w; x++, i += C) chunk[o + x] = data[i]!;
        }
      }
      emit(c, cx, chunk);
    }
  }
}

/**
 * Two 16-bit channels, one 32-bit word per pixel: two pixels at a time become one 32-bit store per channel (chunk
 * rows start at even offsets: cs is even), counting values on the way when asked. ~1.35× faster than cutting and
 * counting in two passes (20000 × 512 band: 19.8 against 26.6 ms).
 */
function cutPairs(
  pairs: Uint32Array, width: number, x0: number, w: number, height: number, cs: number, a: Uint16Array, b: Uint16Array,
  counts: readonly [Uint32Array, Uint32Array] | undefined,
): void {
  const a32 = new Uint32Array(a.buffer, a.byteOffset, a.length >> 1);
  const b32 = new Uint32Array(b.buffer, b.byteOffset, b.length >> 1);
  const [c0, c1] = counts ?? [];
  const even = w & ~1;
  for (let y = 0; y < height; y++) {
    let i = y * width + x0;
    let o = (y * cs) >> 1;
    if (c0 && c1) {
      for (let x = 0; x < even; x += 2, i += 2, o++) {
        const p = pairs[i]!, q = pairs[i + 1]!;
        a32[o] = (p & 0xffff) | (q << 16);
        b32[o] = (p >>> 16) | (q & 0xffff0000);
        c0[p & 0xffff]!++;
        c1[p >>> 16]!++;
        c0[q & 0xffff]!++;
        c1[q >>> 16]!++;
      }
    } else {
      for (let x = 0; x < even; x += 2, i += 2, o++) {
        const p = pairs[i]!, q = pairs[i + 1]!;
        a32[o] = (p & 0xffff) | (q << 16);
        b32[o] = (p >>> 16) | (q & 0xffff0000);
      }
    }
    if (even < w) {
      // an odd last column
      const p = pairs[i]!;
      a[y * cs + even] = p;
      b[y * cs + even] = p >>> 16;
      if (c0 && c1) {
        c0[p & 0xffff]!++;
        c1[p >>> 16]!++;
      }
    }
  }
}
