/// <reference lib="webworker" />
/**
 * Fetches and inflates pyramid chunks off the page's main thread. The chunk route answers with a redirect to S3,
 * and a redirect of a page's fetch waits for the page's main thread, which is busiest exactly while a viewer opens
 * (hydration, WebGL set-up): here redirects and inflation run on a thread of their own.
 * Messages in: { id, url, compressed } or { abort: id }. Out: { id, bytes } (moved) or { id, error }.
 */
import type { ChunkFetchReply, ChunkFetchRequest } from './chunk-fetcher';

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
    const res = await fetch(msg.url, { signal: ctrl.signal });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = msg.compressed && res.body ? res.body.pipeThrough(new DecompressionStream('deflate')) : res.body;
    const bytes = await new Response(body).arrayBuffer();
    scope.postMessage({ id: msg.id, bytes } satisfies ChunkFetchReply, [bytes]);
  } catch (err) {
    const error = (err as Error).name === 'AbortError' ? 'aborted' : (err as Error).message;
    scope.postMessage({ id: msg.id, error } satisfies ChunkFetchReply);
  } finally {
    inFlight.delete(msg.id);
  }
};
