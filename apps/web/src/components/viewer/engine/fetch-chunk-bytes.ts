/** One chunk's raw bytes (inflated when `compressed`: Zarr's zlib codec, inflated natively by the browser). */
export async function fetchChunkBytes(url: string, compressed: boolean, signal: AbortSignal): Promise<ArrayBuffer> {
  const res = await fetch(url, { signal });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body = compressed && res.body ? res.body.pipeThrough(new DecompressionStream('deflate')) : res.body;
  return new Response(body).arrayBuffer();
}
