import { getObjectBytes, type Storage } from '@tessera/storage';
import { decodeChunk, type LevelCompressor } from '@tessera/zarr';

/** The pyramid fields of an Image row the reader needs. */
export interface PyramidImage {
  width: number | null;
  height: number | null;
  sizeC: number | null;
  dtype: string | null;
  chunkSize: number | null;
  zarrPrefix: string | null;
  /** The Image row's level list; level 0's compressor says how its chunks are stored. */
  levels: unknown;
}

export interface ImagePlane {
  width: number;
  height: number;
  channels: number;
  /** Interleaved HWC, divided by the dtype's maximum for integer types (float types as stored). */
  data: Float32Array;
}

export class ImageReadError extends Error {
  readonly code = 'IMAGE_READ';
}

const INT_MAX: Record<string, number> = { uint8: 255, uint16: 65535, uint32: 4294967295, int8: 127, int16: 32767, int32: 2147483647 };
const VIEW: Record<string, (b: ArrayBuffer, o: number, n: number) => ArrayLike<number>> = {
  uint8: (b, o, n) => new Uint8Array(b, o, n),
  uint16: (b, o, n) => new Uint16Array(b, o, n),
  uint32: (b, o, n) => new Uint32Array(b, o, n),
  int8: (b, o, n) => new Int8Array(b, o, n),
  int16: (b, o, n) => new Int16Array(b, o, n),
  int32: (b, o, n) => new Int32Array(b, o, n),
  float32: (b, o, n) => new Float32Array(b, o, n),
  float64: (b, o, n) => new Float64Array(b, o, n),
};
const BYTES: Record<string, number> = { uint8: 1, int8: 1, uint16: 2, int16: 2, uint32: 4, int32: 4, float32: 4, float64: 8 };

/**
 * Reads the full-resolution level (t = 0, z = 0, every channel) of an ingested OME-Zarr pyramid from S3: chunks
 * `0/0/<c>/0/<cy>/<cx>` of chunkSize² little-endian samples, zlib-compressed or raw as the level says (the layout
 * of @tessera/zarr).
 * Optionally only a window (for tests and crops).
 */
export async function readImageLevel(storage: Storage, image: PyramidImage, crop?: { x: number; y: number; width: number; height: number }): Promise<ImagePlane> {
  const { width: W, height: H, sizeC, dtype, chunkSize: S, zarrPrefix } = image;
  if (!W || !H || !sizeC || !dtype || !S || !zarrPrefix) throw new ImageReadError('image has no pyramid yet (not ingested)');
  const view = VIEW[dtype], bytes = BYTES[dtype];
  if (!view || !bytes) throw new ImageReadError(`unsupported dtype ${dtype}`);
  const r = crop ?? { x: 0, y: 0, width: W, height: H };
  if (r.x < 0 || r.y < 0 || r.width < 1 || r.height < 1 || r.x + r.width > W || r.y + r.height > H) throw new ImageReadError('crop outside the image');
  const compressor = levelCompressor(image.levels);
  const scale = INT_MAX[dtype] ? 1 / INT_MAX[dtype]! : 1;
  const out = new Float32Array(r.width * r.height * sizeC);
  const jobs: Promise<void>[] = [];
  for (let c = 0; c < sizeC; c++) {
    for (let cy = Math.floor(r.y / S); cy * S < r.y + r.height; cy++) {
      for (let cx = Math.floor(r.x / S); cx * S < r.x + r.width; cx++) {
        jobs.push(getObjectBytes(storage, `${zarrPrefix}/0/0/${c}/0/${cy}/${cx}`).then((stored) => decodeChunk(stored, compressor)).then((raw) => {
          if (raw.length !== S * S * bytes) throw new ImageReadError(`chunk 0/0/${c}/0/${cy}/${cx} has ${raw.length} bytes, expected ${S * S * bytes}`);
          const copy = raw.byteOffset % bytes === 0 ? raw : raw.slice();
          const px = view(copy.buffer as ArrayBuffer, copy.byteOffset, S * S);
          const y0 = Math.max(r.y, cy * S), y1 = Math.min(r.y + r.height, (cy + 1) * S);
          const x0 = Math.max(r.x, cx * S), x1 = Math.min(r.x + r.width, (cx + 1) * S);
          for (let y = y0; y < y1; y++) {
            for (let x = x0; x < x1; x++) {
              out[((y - r.y) * r.width + (x - r.x)) * sizeC + c] = (px[(y - cy * S) * S + (x - cx * S)] as number) * scale;
            }
          }
        }));
      }
    }
  }
  await Promise.all(jobs);
  return { width: r.width, height: r.height, channels: sizeC, data: out };
}

function levelCompressor(levels: unknown): LevelCompressor {
  const first = Array.isArray(levels) ? (levels[0] as { compressor?: unknown } | undefined) : undefined;
  return first?.compressor === 'zlib' || first?.compressor === 'lz4' ? first.compressor : null;
}
