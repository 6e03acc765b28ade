import { fetchChunkBytes, type ChunkCodec } from './chunk-codec';
import type { ChunkFetcher } from './chunk-fetcher';
import { chunkRefKey, type ChunkRef, type ViewerDType } from './types';

export interface LoadedChunk { key: string; ref: ChunkRef; samples: ArrayBufferView & ArrayLike<number>; texture: WebGLTexture }

const CTOR = {
  uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array, int8: Int8Array, int16: Int16Array, int32: Int32Array,
  float32: Float32Array, float64: Float64Array,
} as const;

/** Raw little-endian chunk bytes → the array uploaded to the GPU (unsigned ints as they are, the rest as float32). */
export function decodeChunk(bytes: ArrayBuffer, dtype: ViewerDType): ArrayBufferView & ArrayLike<number> {
  const samples = new CTOR[dtype](bytes);
  if (dtype === 'uint8' || dtype === 'uint16' || dtype === 'uint32' || dtype === 'float32') return samples;
  return Float32Array.from(samples);
}

/**
 * Loads chunks with a bounded number of requests in flight, most wanted first; requests for chunks that fall out
 * of view are aborted. Keeps an LRU of decoded chunks (CPU samples for the pixel readout + GPU texture).
 */
export class ChunkStore {
  private readonly cache = new Map<string, LoadedChunk>();
  private readonly inFlight = new Map<string, AbortController>();
  private queue: ChunkRef[] = [];
  private failures = new Map<string, number>();

  constructor(
    private readonly opts: {
      url: (ref: ChunkRef) => string;
      dtype: ViewerDType;
      /** How a chunk is stored (its level's Zarr compressor; default raw). */
      codec?: (ref: ChunkRef) => ChunkCodec;
      /** How bytes are fetched (default: on this thread; the viewer uses a worker, see chunk-fetcher.ts). */
      fetch?: ChunkFetcher;
      upload: (samples: ArrayBufferView) => WebGLTexture;
      release: (tex: WebGLTexture) => void;
      onLoad: () => void;
      maxInFlight?: number;
      maxChunks?: number;
    },
  ) {}

  has = (key: string) => this.cache.has(key);

  get(key: string): LoadedChunk | undefined {
    const c = this.cache.get(key);
    if (c) {
      this.cache.delete(key);
      this.cache.set(key, c);
    }
    return c;
  }

  /** Replaces the wish list (ordered) and starts loading. */
  want(refs: ChunkRef[]) {
    const keys = new Set(refs.map(chunkRefKey));
    for (const [key, ctrl] of this.inFlight) if (!keys.has(key)) { ctrl.abort(); this.inFlight.delete(key); }
    this.queue = refs.filter((r) => !this.cache.has(chunkRefKey(r)) && !this.inFlight.has(chunkRefKey(r)) && (this.failures.get(chunkRefKey(r)) ?? 0) < 3);
    this.pump();
  }

  get pending(): number {
    return this.inFlight.size + this.queue.length;
  }

  private pump() {
    const max = this.opts.maxInFlight ?? 8;
    while (this.inFlight.size < max && this.queue.length) {
      const ref = this.queue.shift()!;
      const key = chunkRefKey(ref);
      const ctrl = new AbortController();
      this.inFlight.set(key, ctrl);
      (this.opts.fetch ?? fetchChunkBytes)(this.opts.url(ref), this.opts.codec?.(ref) ?? null, ctrl.signal)
        .then((bytes) => {
          if (this.inFlight.get(key) !== ctrl) return;
          const samples = decodeChunk(bytes, this.opts.dtype);
          this.put({ key, ref, samples, texture: this.opts.upload(samples) });
          this.failures.delete(key);
        })
        .catch((e: Error) => {
          if (e.name !== 'AbortError') this.failures.set(key, (this.failures.get(key) ?? 0) + 1);
        })
        .finally(() => {
          if (this.inFlight.get(key) === ctrl) this.inFlight.delete(key);
          this.pump();
          this.opts.onLoad();
        });
    }
  }

  private put(chunk: LoadedChunk) {
    this.cache.set(chunk.key, chunk);
    const max = this.opts.maxChunks ?? 384;
    while (this.cache.size > max) {
      const [oldKey, old] = this.cache.entries().next().value as [string, LoadedChunk];
      this.cache.delete(oldKey);
      this.opts.release(old.texture);
    }
  }

  destroy() {
    for (const ctrl of this.inFlight.values()) ctrl.abort();
    this.inFlight.clear();
    for (const c of this.cache.values()) this.opts.release(c.texture);
    this.cache.clear();
  }
}
