import { decodeLz4Chunk } from './lz4';

/** How a level's chunks are stored (its `.zarray` compressor): numcodecs' lz4 or zlib, or raw. */
export type ChunkCodec = 'lz4' | 'zlib' | null;

/** One chunk's raw bytes, fetched and decoded as its level's codec says. */
export async function fetchChunkBytes(url: string, codec: ChunkCodec, signal: AbortSignal): Promise<ArrayBuffer> {
  const res = await fetch(url, { signal });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return decodeChunkResponse(res, codec);
}

/**
 * One chunk's raw bytes from its HTTP response: zlib is inflated natively by the browser (as the body streams in),
 * lz4 decoded here once the body is in.
 */
export async function decodeChunkResponse(res: Response, codec: ChunkCodec): Promise<ArrayBuffer> {
  if (codec === 'zlib' && res.body) return new Response(res.body.pipeThrough(new DecompressionStream('deflate'))).arrayBuffer();
  const body = await res.arrayBuffer();
  return codec === 'lz4' ? (decodeLz4Chunk(new Uint8Array(body)).buffer as ArrayBuffer) : body;
}
