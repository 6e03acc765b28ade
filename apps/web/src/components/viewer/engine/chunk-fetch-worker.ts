/// <reference lib="webworker" />
/**
 * Fetches and decodes pyramid chunks off the page's main thread. The chunk route answers with a redirect to S3,
 * and a redirect of a page's fetch waits for the page's main thread, which is busiest exactly while a viewer opens
 * (hydration, WebGL set-up): here redirects and decoding run on a thread of their own.
 * Messages in: { id, url, codec } or { abort: id }. Out: { id, bytes } (moved) or { id, error }; none for an
 * aborted request.
 */
import type { ChunkFetchReply, ChunkFetchRequest } from './chunk-fetcher';
import { fetchChunkBytes } from './chunk-codec';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const inFlight = new Map<number, AbortController>();

scope.onmessage = async (e: MessageEvent<ChunkFetchRequest>) => {
  const msg = e.data;
  if ('abort' in msg) {
    inFlight.get(msg.abort)?.abort();
    inFlight.delete(msg.abort);
    return;
  }
  const ctrl = new AbortController();
  inFlight.set(msg.id, ctrl);
  try {
    const bytes = await fetchChunkBytes(msg.url, msg.codec, ctrl.signal);
    scope.postMessage({ id: msg.id, bytes } satisfies ChunkFetchReply, [bytes]);
  } catch (err) {
    if (!ctrl.signal.aborted) scope.postMessage({ id: msg.id, error: (err as Error).message } satisfies ChunkFetchReply);
  } finally {
    inFlight.delete(msg.id);
  }
};
