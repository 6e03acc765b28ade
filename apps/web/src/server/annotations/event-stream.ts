import type { Actor } from '../actor';
import { db } from '../context';
import { listAnnotationOps } from './list-annotations';
import { liveHub, type LiveEvent } from './live-hub';
import { leavePresence, listPresence, updatePresence } from './presence';
import { SeqTracker } from './seq-tracker';

const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events for one image: `hello` (presence), the ops after `afterSeq` (catch-up), then live events
 * relayed from Redis. Subscribes before reading the catch-up so nothing falls between; ops are deduplicated by seq.
 */
export async function openAnnotationStream(req: Request, actor: Actor, imageId: string, afterSeq: number): Promise<Response> {
  const enc = new TextEncoder();
  const seen = new SeqTracker(afterSeq);
  let gapTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let unsubscribe = () => {};
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const buffered: LiveEvent[] = [];
  let live = false;

  const stream = new ReadableStream<Uint8Array>({
    start: async (controller) => {
      const send = (event: string, data: unknown, id?: number) => {
        if (closed) return;
        try {
          controller.enqueue(enc.encode(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
        } catch {
          close();
        }
      };
      const deliver = (e: LiveEvent) => {
        if (e.type === 'op') {
          if (!seen.offer(e.seq)) return;
          send('op', e, seen.contiguous);
          // a publish that never arrives (e.g. a Redis hiccup) is fetched from the op log
          if (seen.gap() && !gapTimer) gapTimer = setTimeout(() => void fillGap(), 1000);
        } else if (!(e.type === 'presence' && e.userId === actor.userId)) send(e.type, e);
      };
      const fillGap = async () => {
        gapTimer = undefined;
        if (closed || !seen.gap()) return;
        const { ops } = await listAnnotationOps(db(), actor, imageId, seen.contiguous).catch(() => ({ ops: [] }));
        for (const op of ops) deliver({ type: 'op', ...op });
      };
      const close = () => {
        if (closed) return;
        closed = true;
        clearTimeout(gapTimer);
        clearInterval(heartbeat);
        unsubscribe();
        void leavePresence(actor, imageId).catch(() => undefined);
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      req.signal.addEventListener('abort', close);
      unsubscribe = await liveHub().subscribe(actor.organizationId, imageId, (e) => (live ? deliver(e) : buffered.push(e)));
      controller.enqueue(enc.encode('retry: 1000\n\n'));
      send('hello', { userId: actor.userId, presence: await listPresence(actor.organizationId, imageId) });
      await updatePresence(actor, imageId, { x: null, y: null });
      for (;;) {
        const { ops } = await listAnnotationOps(db(), actor, imageId, seen.contiguous);
        for (const op of ops) deliver({ type: 'op', ...op });
        if (ops.length < 1000) break;
      }
      live = true;
      for (const e of buffered.splice(0)) deliver(e);
      heartbeat = setInterval(() => send('ping', { t: Date.now() }), HEARTBEAT_MS);
    },
    cancel: () => {
      closed = true;
      clearTimeout(gapTimer);
      clearInterval(heartbeat);
      unsubscribe();
      void leavePresence(actor, imageId).catch(() => undefined);
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' },
  });
}
