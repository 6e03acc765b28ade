import type { EditorAnnotation } from './types';

export interface PresenceInfo {
  userId: string;
  name: string;
  color: string;
  x: number | null;
  y: number | null;
  tool?: string;
  at: number;
}

export interface LiveHandlers {
  onOp(e: { seq: number; userId: string; annotation: EditorAnnotation }): void;
  onPresence(p: PresenceInfo): void;
  onLeave(userId: string): void;
  onReview?(e: { status: string; userId: string }): void;
  onComment?(c: unknown): void;
  onConnection?(connected: boolean): void;
}

/**
 * Server-sent events for one image with resume: every op carries its seq as the event id; after a dropped
 * connection (or a server restart) it reconnects with ?after=<last seq>, so no op is missed or applied twice.
 */
export function connectLive(baseUrl: string, initialSeq: number, h: LiveHandlers): { close(): void; lastSeq(): number } {
  // ops may arrive out of seq order: remember the contiguous watermark and what was seen above it
  let last = initialSeq;
  const above = new Set<number>();
  let es: EventSource | null = null;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const open = () => {
    if (closed) return;
    es = new EventSource(`${baseUrl}?after=${last}`);
    es.addEventListener('open', () => h.onConnection?.(true));
    es.addEventListener('hello', (ev) => {
      const d = JSON.parse((ev as MessageEvent).data) as { presence: PresenceInfo[] };
      for (const p of d.presence) h.onPresence(p);
    });
    es.addEventListener('op', (ev) => {
      const d = JSON.parse((ev as MessageEvent).data) as { seq: number; userId: string; annotation: EditorAnnotation };
      if (d.seq <= last || above.has(d.seq)) return;
      above.add(d.seq);
      while (above.delete(last + 1)) last++;
      h.onOp(d);
    });
    es.addEventListener('presence', (ev) => h.onPresence(JSON.parse((ev as MessageEvent).data) as PresenceInfo));
    es.addEventListener('leave', (ev) => h.onLeave((JSON.parse((ev as MessageEvent).data) as { userId: string }).userId));
    es.addEventListener('review', (ev) => h.onReview?.(JSON.parse((ev as MessageEvent).data)));
    es.addEventListener('comment', (ev) => h.onComment?.(JSON.parse((ev as MessageEvent).data).comment));
    es.addEventListener('error', () => {
      h.onConnection?.(false);
      // EventSource retries by itself with the same URL; we reopen with the latest seq instead
      es?.close();
      clearTimeout(retry);
      retry = setTimeout(open, 1000);
    });
  };
  open();
  return {
    close: () => {
      closed = true;
      clearTimeout(retry);
      es?.close();
    },
    lastSeq: () => last,
  };
}
