import { allocateSamples, bytesPerSample, downsample2x, pixelPairs, type Raster, type TypedArray } from '@tessera/imaging';
import { bandStats, type BandStats } from './channel-stats';
import { encodeChunk, type Compression } from './chunk-codec';
import { chunkKey } from './ome-zarr-metadata';

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
  /** Return the band halved (2×2 mean) for the next level. */
  half: boolean;
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
}

/** The CPU work of a pyramid band, the same on the main thread or in a pyramid worker. */
export function processBand(task: BandTask): BandResult {
  const { band, chunkSize: cs } = task;
  return {
    stats: task.stats ? bandStats(band) : undefined,
    chunks: bandChunks(band, cs, (c, cx) => chunkKey(task.level, task.t, c, task.z, task.cy, cx)).map(({ key, bytes }) => ({
      key,
      bytes: encodeChunk(bytes, task.compression),
    })),
    half: task.half ? downsample2x(band, 'mean') : undefined,
    band: task.keepBand ? band : undefined,
  };
}

/** Splits a band (≤ chunkSize rows) into one zero-padded chunk per (cx, channel), channels de-interleaved. */
function bandChunks(band: Raster, cs: number, key: (c: number, cx: number) => string): EncodedChunk[] {
  const { width, height, channels: C, data, dtype } = band;
  const out: EncodedChunk[] = [];
  const bytes = (chunk: TypedArray) => new Uint8Array(chunk.buffer, chunk.byteOffset, cs * cs * bytesPerSample(dtype));
  // two 16-bit channels: one 32-bit load splits a pixel into both channels' chunks
  const pairs = pixelPairs(band);
  for (let cx = 0; cx < Math.ceil(width / cs); cx++) {
    const x0 = cx * cs;
    const w = Math.min(cs, width - x0);
    if (pairs) {
      const a = new Uint16Array(cs * cs), b = new Uint16Array(cs * cs);
      for (let y = 0; y < height; y++) {
        let i = y * width + x0;
        const o = y * cs;
        for (let x = 0; x < w; x++, i++) {
          const v = pairs[i]!;
          a[o + x] = v;
          b[o + x] = v >>> 16;
        }
      }
      out.push({ key: key(0, cx), bytes: bytes(a) }, { key: key(1, cx), bytes: bytes(b) });
      continue;
    }
    for (let c = 0; c < C; c++) {
      const chunk = allocateSamples(dtype, cs * cs);
      if (C === 1) {
        for (let y = 0; y < height; y++) chunk.set(data.subarray(y * width + x0, y * width + x0 + w), y * cs);
      } else {
        for (let y = 0; y < height; y++) {
          let i = (y * width + x0) * C + c;
          const o = y * cs;
          for (let x = 0; x < w; x++, i += C) chunk[o + x] = data[i]!;
        }
      }
      out.push({ key: key(c, cx), bytes: bytes(chunk) });
    }
  }
  return out;
}
