import { deflateSync, inflate } from 'node:zlib';
import { promisify } from 'node:util';

/** Chunk compression of a pyramid level, as its `.zarray` says: numcodecs' zlib, or none. */
export type Compression = 'zlib' | 'none';
/** The same, as stored per level on the Image row and in the viewer's level list. */
export type LevelCompressor = 'zlib' | null;

const inflateAsync = promisify(inflate);
const view = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** Encodes one chunk on the calling thread (pyramid workers are the parallelism; see band-pool.ts). */
export function encodeChunk(bytes: Uint8Array, compression: Compression): Uint8Array {
  return compression === 'none' ? bytes : view(deflateSync(bytes, { level: 1 }));
}

/** The raw little-endian samples of a stored chunk. */
export async function decodeChunk(stored: Uint8Array, compressor: LevelCompressor): Promise<Uint8Array> {
  return compressor === 'zlib' ? view(await inflateAsync(stored)) : stored;
}
