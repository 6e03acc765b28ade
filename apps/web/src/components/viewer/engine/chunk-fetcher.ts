import { fetchChunkBytes, type ChunkCodec } from './chunk-codec';

/** Loads one chunk's raw bytes (decoded as `codec` says); rejects with an AbortError when `signal` aborts. */
export type ChunkFetcher = (url: string, codec: ChunkCodec, signal: AbortSignal) => Promise<ArrayBuffer>;

export type ChunkFetchRequest = { id: number; url: string; codec: ChunkCodec } | { abort: number };
/** Aborted requests get no reply: their caller has stopped waiting. */
export type ChunkFetchReply = { id: number; bytes: ArrayBuffer } | { id: number; error: string };

const abortError = () => new DOMException('The chunk request was aborted.', 'AbortError');


/**
 * Chunks fetched and inflated in a dedicated worker (chunk-fetch-worker.ts), or on this thread where a worker cannot
 * start or fails (its open requests are then fetched here). `close()` stops the worker; requests still open then fail
 * as aborted.
 */
export function workerChunkFetcher(): { fetch: ChunkFetcher; close: () => void } {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./chunk-fetch-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return { fetch: fetchChunkBytes, close: () => undefined };
  }
  type Pending = { url: string; codec: ChunkCodec; signal: AbortSignal; resolve: (b: ArrayBuffer) => void; reject: (e: Error | DOMException) => void };
  const pending = new Map<number, Pending>();
  let next = 1;
  let failed = false;
  worker.onerror = () => {
    failed = true;
    worker.terminate();
    for (const p of pending.values()) fetchChunkBytes(p.url, p.codec, p.signal).then(p.resolve, p.reject);
    pending.clear();
  };
  worker.onmessage = (e: MessageEvent<ChunkFetchReply>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if ('bytes' in e.data) p.resolve(e.data.bytes);
    else p.reject(new Error(e.data.error));
  };
  const fetchChunk: ChunkFetcher = (url, codec, signal) =>
    new Promise((resolve, reject) => {
      if (signal.aborted) return reject(abortError());
      if (failed) return fetchChunkBytes(url, codec, signal).then(resolve, reject);
      const id = next++;
      pending.set(id, { url, codec, signal, resolve, reject });
      signal.addEventListener('abort', () => {
        if (!pending.delete(id)) return;
        worker.postMessage({ abort: id } satisfies ChunkFetchRequest);
        reject(abortError());
      }, { once: true });
      // relative URLs resolve against the page, not the worker's script
      worker.postMessage({ id, url: new URL(url, location.href).href, codec } satisfies ChunkFetchRequest);
    });
  return {
    fetch: fetchChunk,
    close: () => {
      worker.terminate();
      for (const p of pending.values()) p.reject(abortError());
      pending.clear();
    },
  };
}
