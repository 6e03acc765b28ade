import { availableParallelism } from 'node:os';
import type { DType, Raster, TypedArray } from '@tessera/imaging';
import { inlineRunner, workerPool } from './band-pool';
import { ChannelStatsAccumulator, type ChannelStats } from './channel-stats';
import { levelSizes } from './ome-zarr-metadata';
import { SamplePool } from './sample-pool';
import type { Compression } from './chunk-codec';

/** Where the pixels come from: rows of one (z, t) plane with all channels interleaved. */
export interface PlaneSource {
  width: number;
  height: number;
  sizeC: number;
  sizeZ: number;
  sizeT: number;
  dtype: DType;
  /**
   * Rows the pyramid takes over: their buffer may be moved to a pyramid worker (and so emptied here). With `into`
   * (room for width × rows × sizeC samples of dtype) the rows are written there and the raster's data is a view of it.
   */
  readRows(z: number, t: number, y: number, rows: number, into?: TypedArray): Promise<Raster>;
}

/** Stores one object (a chunk or a metadata file) under the pyramid's prefix. */
export type ObjectSink = (key: string, bytes: Uint8Array) => Promise<void>;

export interface WritePyramidOptions {
  chunkSize?: number;
  /** Chunk writes in flight at once. */
  concurrency?: number;
  /** Chunk compression: 'lz4' (default), 'zlib' or 'none' (see chunk-codec.ts). */
  compression?: Compression;
  /**
   * Worker threads that cut, encode and halve bands (0: all on the calling thread). Default: one per core for images
   * of at least 16 Mi samples, none for smaller ones (starting workers costs more than they save there).
   */
  workers?: number;
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
const WORKERS_FROM_SAMPLES = 16 * 2 ** 20;

/**
 * Streams a 5D image into a 2× mean pyramid of chunkSize² chunks, one band of chunk rows at a time: each band is
 * written at its level, halved and appended to the next level's band. Bands other than an image's last are an even
 * number of rows, so every 2×2 block lies inside one band and the result equals downsample2x of the whole level.
 * The calling thread reads bands and writes chunks; cutting, encoding, counting and halving run on pyramid workers,
 * several bands at once, their results taken in band order per level. Memory: a few bands per level.
 */
export async function writePyramid(source: PlaneSource, sink: ObjectSink, opts: WritePyramidOptions = {}): Promise<PyramidResult> {
  const cs = opts.chunkSize ?? DEFAULT_CHUNK;
  if (!(Number.isInteger(cs) && cs >= 16 && cs % 2 === 0)) throw new RangeError('chunkSize must be an even integer >= 16');
  const levels = levelSizes(source.width, source.height, cs);
  const compression = opts.compression ?? 'lz4';
  const samples = source.width * source.height * source.sizeC * source.sizeZ * source.sizeT;
  const workers = opts.workers ?? (samples >= WORKERS_FROM_SAMPLES ? Math.min(4, availableParallelism()) : 0);
  const runner = workers > 0 ? workerPool(workers) : inlineRunner();
  const writer = new ChunkWriter(sink, opts.concurrency ?? 16);
  const stats = new ChannelStatsAccumulator(source.sizeC, source.dtype);
  // bands, their halves and merged halves live in arrays that come back once done (see SamplePool)
  const pool = new SamplePool();
  const bandSamples = source.width * Math.min(cs, source.height) * source.sizeC;
  const totalRows = source.height * source.sizeZ * source.sizeT;
  let doneRows = 0;
  let smallest: Raster | undefined;
  let failure: unknown;
  try {
    for (let t = 0; t < source.sizeT; t++) {
      for (let z = 0; z < source.sizeZ; z++) {
        const acc: (Raster | undefined)[] = levels.map(() => undefined);
        const rowAt = levels.map(() => 0);
        // per level, results are taken in band order (each waits for the one before it at its level)
        const chains: Promise<void>[] = levels.map(() => Promise.resolve());
        const submit = (level: number, band: Raster, last: boolean): Promise<void> => {
          const top = level === levels.length - 1;
          const halfSamples = Math.ceil(band.width / 2) * Math.ceil(band.height / 2) * band.channels;
          const result = runner.run({
            band, level, t, z, cy: rowAt[level]! / cs, chunkSize: cs, compression, stats: level === 0, keepBand: top && t === 0 && z === 0,
            halfInto: top ? undefined : pool.take(band.dtype, halfSamples),
          });
          result.catch(() => undefined); // handled below, in order
          rowAt[level]! += band.height;
          const done = chains[level]!.then(async () => {
            const r = await result;
            pool.give(source.dtype, r.spent);
            if (r.stats) stats.merge(r.stats);
            if (r.band) smallest = r.band;
            for (const c of r.chunks) await writer.put(c.key, c.bytes);
            if (!r.half) return;
            const merged = appendRows(pool, acc[level + 1], r.half);
            if (merged.height >= cs || last) {
              acc[level + 1] = undefined;
              void submit(level + 1, merged, last);
            } else {
              acc[level + 1] = merged;
            }
          });
          done.catch((e: unknown) => (failure ??= e));
          chains[level] = done;
          return done;
        };
        const inFlight: Promise<void>[] = [];
        for (let y = 0; y < source.height; y += cs) {
          const rows = Math.min(cs, source.height - y);
          const band = await source.readRows(z, t, y, rows, pool.take(source.dtype, bandSamples));
          inFlight.push(submit(0, band, y + rows >= source.height).then(() => {
            doneRows += rows;
            opts.onProgress?.(doneRows / totalRows);
          }, () => undefined));
          if (inFlight.length > workers + 1) await inFlight.shift();
          if (failure) throw failure;
        }
        await Promise.all(inFlight);
        // a level's last band is submitted while the level below finishes: wait for the levels in order
        for (let level = 0; level < levels.length; level++) await chains[level];
      }
    }
    await writer.drain();
  } finally {
    await runner.close();
  }
  const small = smallest!;
  return { levels, chunkSize: cs, compression, stats: stats.finish(small), smallest: small, chunksWritten: writer.count };
}

/** The rows of `top` then `bottom` in one raster (an array from the pool; theirs go back to it). */
function appendRows(pool: SamplePool, top: Raster | undefined, bottom: Raster): Raster {
  if (!top) return bottom;
  const data = pool.take(top.dtype, top.data.length + bottom.data.length);
  data.set(top.data, 0);
  data.set(bottom.data, top.data.length);
  pool.give(top.dtype, top.data);
  pool.give(bottom.dtype, bottom.data);
  return { ...top, height: top.height + bottom.height, data };
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
