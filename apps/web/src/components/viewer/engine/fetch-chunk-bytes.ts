import { decodeChunkResponse, type ChunkCodec } from './chunk-codec';

/** One chunk's raw bytes, decoded as its level's codec says. */
export async function fetchChunkBytes(url: string, codec: ChunkCodec, signal: AbortSignal): Promise<ArrayBuffer> {
  const res = await fetch(url, { signal });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return decodeChunkResponse(res, codec);
}
