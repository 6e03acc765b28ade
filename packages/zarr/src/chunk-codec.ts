import { deflateSync, inflate } from 'node:zlib';
import { promisify } from 'node:util';
import { compressSync, uncompressSync } from 'lz4-napi';

/**
 * Chunk compression of a pyramid level, as its `.zarray` says: numcodecs' `lz4` (a 4-byte little-endian size, then
 * one LZ4 block), numcodecs' `zlib` (level 1), or none.
 */
export type Compression = 'lz4' | 'zlib' | 'none';
/** The same, as stored per level on the Image row and in the viewer's level list. */
export type LevelCompressor = 'lz4' | 'zlib' | null;

export const levelCompressor = (c: Compression): LevelCompressor => (c === 'none' ? null : c);

/** A level's `.zarray` compressor entry (numcodecs' codec configuration). */
export function zarrCompressor(c: Compression): Record<string, unknown> | null {
  if (c === 'lz4') return { id: 'lz4', acceleration: 1 };
  if (c === 'zlib') return { id: 'zlib', level: 1 };
  return null;
}

const inflateAsync = promisify(inflate);
const view = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
const buffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** Encodes one chunk on the calling thread (pyramid workers are the parallelism; see band-pool.ts). */
export function encodeChunk(bytes: Uint8Array, compression: Compression): Uint8Array {
  if (compression === 'lz4') return view(compressSync(buffer(bytes)));
  return compression === 'zlib' ? view(deflateSync(bytes, { level: 1 })) : bytes;
}

/** The raw little-endian samples of a stored chunk. */
export async function decodeChunk(stored: Uint8Array, compressor: LevelCompressor): Promise<Uint8Array> {
  if (compressor === 'lz4') return view(uncompressSync(buffer(stored)));
  return compressor === 'zlib' ? view(await inflateAsync(stored)) : stored;
}
