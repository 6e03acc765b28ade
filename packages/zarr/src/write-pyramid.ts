import { allocateSamples, bytesPerSample, downsample2x, type DType, type Raster } from '@tessera/imaging';
import { ChannelStatsAccumulator, type ChannelStats } from './channel-stats';
import { chunkKey, levelSizes } from './ome-zarr-metadata';
import { encodeChunk, type Compression } from './chunk-codec';

/** Where the pixels come from: rows of one (z, t) plane with all channels interleaved. */
export interface PlaneSource {
  width: number;
  height: number;
  sizeC: number;
  sizeZ: number;
  sizeT: number;
  dtype: DType;
  readRows(z: number, t: number, y: number, rows: number): Promise<Raster>;
}

/** Stores one object (a chunk or a metadata file) under the pyramid's prefix. */
export type ObjectSink = (key: string, bytes: Uint8Array) => Promise<void>;

export interface WritePyramidOptions {
  chunkSize?: number;
  /** Chunk writes in flight at once. */
  concurrency?: number;
  /** Chunk compression: 'zlib' (default; Zarr's numcodecs zlib, level 1) or 'none'. */
  compression?: Compression;
  /** Fraction 0..1 of full-resolution rows done. */
  onProgress?: (fraction: number) => void;
}

export interface PyramidResult {
  levels: { width: number; height: number }[];
  chunkSize: number;
  compression: Compression;
  stats: ChannelStats[];
  /** The smallest level of plane (z=0, t=0): thumbnail and histogram source. */
  smallest: Raster;
  chunksWritten: number;
}

export const DEFAULT_CHUNK = 512;

/**
 * Streams a 5D image into a 2× mean pyramid of chunkSize² chunks, one band of chunk rows at a time: each band is
 * written at its level, halved and appended to the next level's band. Bands other than an image's last are an even
 * number of rows, so every 2×2 block lies inside one band and the result equals downsample2x of the whole level.
 * Memory: about two bands per level.
 */
export async function writePyramid(source: PlaneSource, sink: ObjectSink, opts: WritePyramidOptions = {}): Promise<PyramidResult> {
  const cs = opts.chunkSize ?? DEFAULT_CHUNK;
  if (!(Number.isInteger(cs) && cs >= 16 && cs % 2 === 0)) throw new RangeError('chunkSize must be an even integer >= 16');
  const levels = levelSizes(source.width, source.height, cs);
  const compression = opts.compression ?? 'zlib';
  const writer = new ChunkWriter((key, bytes) => encodeChunk(bytes, compression).then((b) => sink(key, b)), opts.concurrency ?? 16);
  const stats = new ChannelStatsAccumulator(source.sizeC, source.dtype);
  const totalRows = source.height * source.sizeZ * source.sizeT;
  let doneRows = 0;
  let smallest: Raster | undefined;
  for (let t = 0; t < source.sizeT; t++) {
    for (let z = 0; z < source.sizeZ; z++) {
      const acc: (Raster | undefined)[] = levels.map(() => undefined);
      const rowAt = levels.map(() => 0);
      const push = async (level: number, band: Raster, last: boolean): Promise<void> => {
        await writeBandChunks(writer, band, level, t, z, rowAt[level]! / cs, cs);
        rowAt[level]! += band.height;
        if (level === levels.length - 1) {
          if (t === 0 && z === 0) smallest = band;
          return;
        }
        const half = downsample2x(band, 'mean');
        const merged = appendRows(acc[level + 1], half);
        if (merged.height >= cs || last) {
          acc[level + 1] = undefined;
          await push(level + 1, merged, last);
        } else {
          acc[level + 1] = merged;
        }
      };
      for (let y = 0; y < source.height; y += cs) {
        const rows = Math.min(cs, source.height - y);
        const band = await source.readRows(z, t, y, rows);
        stats.add(band);
        await push(0, band, y + rows >= source.height);
        doneRows += rows;
        opts.onProgress?.(doneRows / totalRows);
      }
    }
  }
  await writer.drain();
  const small = smallest!;
  return { levels, chunkSize: cs, compression, stats: stats.finish(small), smallest: small, chunksWritten: writer.count };
}

function appendRows(top: Raster | undefined, bottom: Raster): Raster {
  if (!top) return bottom;
  const data = allocateSamples(top.dtype, top.data.length + bottom.data.length);
  data.set(top.data, 0);
  data.set(bottom.data, top.data.length);
  return { ...top, height: top.height + bottom.height, data };
}

/** Splits a band (≤ chunkSize rows, starting at chunk row `cy`) into one zero-padded chunk per (cx, channel). */
async function writeBandChunks(writer: ChunkWriter, band: Raster, level: number, t: number, z: number, cy: number, cs: number) {
  const { width, height, channels: C, data, dtype } = band;
  const chunksX = Math.ceil(width / cs);
  for (let cx = 0; cx < chunksX; cx++) {
    const x0 = cx * cs;
    const w = Math.min(cs, width - x0);
    for (let c = 0; c < C; c++) {
      const out = allocateSamples(dtype, cs * cs);
      if (C === 1) {
        for (let y = 0; y < height; y++) out.set(data.subarray(y * width + x0, y * width + x0 + w), y * cs);
      } else {
        for (let y = 0; y < height; y++) {
          let i = (y * width + x0) * C + c;
          const o = y * cs;
          for (let x = 0; x < w; x++, i += C) out[o + x] = data[i]!;
        }
      }
      const bytes = new Uint8Array(out.buffer, out.byteOffset, cs * cs * bytesPerSample(dtype));
      await writer.put(chunkKey(level, t, c, z, cy, cx), bytes);
    }
  }
}

/** Bounded-concurrency writes; the first failure is rethrown. */
class ChunkWriter {
  count = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown;

  constructor(private readonly sink: ObjectSink, private readonly limit: number) {}

  async put(key: string, bytes: Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.inFlight.size >= this.limit) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
    const p: Promise<void> = this.sink(key, bytes).then(
      () => { this.count++; this.inFlight.delete(p); },
      (e: unknown) => { this.failure ??= e; this.inFlight.delete(p); },
    );
    this.inFlight.add(p);
  }

  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
  }
}
