import type { Redis } from 'ioredis';
import { redis } from '../context';
import type { AnnotationDto } from './op-schemas';

export type LiveEvent =
  | { type: 'op'; seq: number; opType: string; key: string; userId: string; annotation: AnnotationDto }
  | { type: 'presence'; userId: string; name: string; color: string; x: number | null; y: number | null; tool?: string; at: number }
  | { type: 'leave'; userId: string }
  | { type: 'review'; status: string; userId: string }
  | { type: 'comment'; comment: unknown };

const channelOf = (orgId: string, imageId: string) => `tessera:ann:${orgId}:${imageId}`;

/** Fan-out to every web process: each publishes to Redis, each process's hub relays to its own SSE streams. */
export async function publishImageEvent(orgId: string, imageId: string, event: LiveEvent): Promise<void> {
  try {
    await redis().publish(channelOf(orgId, imageId), JSON.stringify(event));
  } catch (e) {
    // live delivery is best effort: the write is already durable and clients catch up by sequence number
    console.error('[annotations] publish failed', e);
  }
}

type Listener = (event: LiveEvent) => void;

/** One Redis subscriber connection per process, shared by all SSE streams on it. */
class LiveHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly ready = new Map<string, Promise<unknown>>();
  private readonly sub: Redis;

  constructor(base: Redis) {
    this.sub = base.duplicate();
    this.sub.on('message', (channel: string, message: string) => {
      const set = this.listeners.get(channel);
      if (!set) return;
      let event: LiveEvent;
      try {
        event = JSON.parse(message) as LiveEvent;
      } catch {
        return;
      }
      for (const l of set) l(event);
    });
    this.sub.on('error', (e) => console.error('[annotations] subscriber error', e.message));
  }

  /** Resolves once Redis confirmed the subscription, so nothing published afterwards is missed. */
  async subscribe(orgId: string, imageId: string, listener: Listener): Promise<() => void> {
    const ch = channelOf(orgId, imageId);
    let set = this.listeners.get(ch);
    if (!set) {
      this.listeners.set(ch, (set = new Set()));
      this.ready.set(ch, this.sub.subscribe(ch));
    }
    set.add(listener);
    await this.ready.get(ch);
    return () => {
      const s = this.listeners.get(ch);
      if (!s) return;
      s.delete(listener);
      if (s.size === 0) {
        this.listeners.delete(ch);
        this.ready.delete(ch);
        void this.sub.unsubscribe(ch).catch(() => undefined);
      }
    };
  }
}

const g = globalThis as unknown as { __tesseraLiveHub?: LiveHub };
export function liveHub(): LiveHub {
  return (g.__tesseraLiveHub ??= new LiveHub(redis()));
}
