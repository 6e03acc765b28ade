import { inflateSync } from 'node:zlib';
import { uncompressSync } from 'lz4-napi';
import { allocateSamples, bytesPerSample, type DType, type Raster, type TypedArray } from '@tessera/imaging';
import type { ObjectSink } from './write-pyramid';

/** An in-memory object store for tests. */
export function memorySink(): { sink: ObjectSink; objects: Map<string, Uint8Array> } {
  const objects = new Map<string, Uint8Array>();
  return { objects, sink: async (key, bytes) => { objects.set(key, bytes.slice()); } };
}

/** Reassembles channel `c` of a level from its chunks (the reader side of the layout), cropping edge padding. */
export function readLevel(
  objects: Map<string, Uint8Array>, level: number, size: { width: number; height: number }, cs: number, dtype: DType, c: number, z = 0, t = 0,
): TypedArray {
  const out = allocateSamples(dtype, size.width * size.height);
  const bps = bytesPerSample(dtype);
  for (let cy = 0; cy * cs < size.height; cy++) {
    for (let cx = 0; cx * cs < size.width; cx++) {
      const stored = objects.get(`${level}/${t}/${c}/${z}/${cy}/${cx}`);
      if (!stored) throw new Error(`missing chunk ${level}/${t}/${c}/${z}/${cy}/${cx}`);
      const bytes = decodeAny(stored, cs * cs * bps);
      if (bytes.length !== cs * cs * bps) throw new Error(`chunk ${cy}/${cx} has ${bytes.length} bytes`);
      const chunk = allocateSamples(dtype, cs * cs);
      new Uint8Array(chunk.buffer).set(bytes);
      for (let y = 0; y < cs && cy * cs + y < size.height; y++) {
        const w = Math.min(cs, size.width - cx * cs);
        out.set(chunk.subarray(y * cs, y * cs + w), (cy * cs + y) * size.width + cx * cs);
      }
    }
  }
  return out;
}

/** Channel c of an interleaved raster as its own array. */
export function channelOf(r: Raster, c: number): TypedArray {
  const out = allocateSamples(r.dtype, r.width * r.height);
  for (let i = 0; i < out.length; i++) out[i] = r.data[i * r.channels + c]!;
  return out;
}

/** Fast exact comparison of two sample arrays (vitest's deep equality is slow on millions of elements). */
export function firstMismatch(a: TypedArray, b: TypedArray): number | null {
  if (a.length !== b.length) return -1;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) return i;
  return null;
}

/** A stored chunk's raw bytes, whichever codec wrote it: raw-sized is raw, lz4 starts with the raw size, else zlib. */
function decodeAny(stored: Uint8Array, rawBytes: number): Uint8Array {
  if (stored.length === rawBytes) return stored;
  const b = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  return new Uint8Array(b.readUInt32LE(0) === rawBytes ? uncompressSync(b) : inflateSync(b));
}
