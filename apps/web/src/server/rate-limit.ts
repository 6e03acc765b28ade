import type { Redis } from 'ioredis';

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  resetSeconds: number;
}

/** INCR, set the window on the first hit, and return the count and the seconds left: one round trip. */
const HIT = `local c = redis.call('INCR', KEYS[1])
if c == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return {c, redis.call('TTL', KEYS[1])}`;

/** Fixed-window counter in Redis: shared by every web process, one round trip per hit (sign-in, sign-up). */
export async function hitRateLimit(redis: Redis, key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const [count, ttl] = (await redis.eval(HIT, 1, `ratelimit:${key}`, windowSeconds)) as [number, number];
  return { allowed: count <= limit, remaining: Math.max(0, limit - count), resetSeconds: ttl < 0 ? windowSeconds : ttl };
}

interface WindowCount {
  window: number;
  /** The count across all processes as of the last sync (including this process's flushed hits). */
  shared: number;
  /** Hits counted here since the last sync. */
  pending: number;
}

/**
 * The same fixed windows, shared by every web process through Redis, for the API's per-caller limit, which every
 * request passes: the first hit of a caller in a window goes to Redis at once; later hits are counted here and sent
 * to Redis together every `syncMs` (one pipelined round trip for all callers), and the count Redis returns tells
 * this process what the others have used. A caller can overshoot by what the other processes counted in one sync
 * interval, never more; in exchange a request costs no Redis round trip of its own.
 */
export class BatchedRateLimiter {
  private readonly counts = new Map<string, WindowCount>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly windowSeconds: number,
    private readonly syncMs = 250,
  ) {}

  async hit(key: string, limit: number): Promise<RateLimitResult> {
    const windowMs = this.windowSeconds * 1000;
    const now = Date.now();
    const window = Math.floor(now / windowMs);
    const resetSeconds = Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000));
    let c = this.counts.get(key);
    if (!c || c.window !== window) {
      c = { window, shared: 0, pending: 0 };
      this.counts.set(key, c);
      const [total] = await this.add([[key, window, 1]]);
      if (typeof total !== 'number') throw new Error('Redis did not count the request');
      c.shared = total;
    } else {
      c.pending += 1;
      this.scheduleSync();
    }
    const used = c.shared + c.pending;
    return { allowed: used <= limit, remaining: Math.max(0, limit - used), resetSeconds };
  }

  private scheduleSync() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.sync().catch((e: unknown) => console.error('[rate-limit] sync failed', e));
    }, this.syncMs);
    this.timer.unref();
  }

  /** Sends every pending count in one pipeline and learns the shared totals of every caller seen this window. */
  async sync(): Promise<void> {
    const current = Math.floor(Date.now() / (this.windowSeconds * 1000));
    for (const [key, c] of this.counts) if (c.window < current && c.pending === 0) this.counts.delete(key);
    const batch = [...this.counts];
    if (batch.length === 0) return;
    const sent = batch.map(([key, c]) => {
      const n = c.pending;
      c.pending = 0;
      return [key, c.window, n] as [string, number, number];
    });
    const totals = await this.add(sent);
    batch.forEach(([, c], i) => {
      const total = totals[i];
      if (typeof total !== 'number') c.pending += sent[i]![2]; // sent again with the next sync
      else c.shared = total;
    });
  }

  /** Adds counts to their windows in one round trip; the new totals (null where Redis failed). */
  private async add(entries: [key: string, window: number, n: number][]): Promise<(number | null)[]> {
    const pipe = this.redis.pipeline();
    for (const [key, window, n] of entries) pipe.incrby(redisKey(key, window), n).expire(redisKey(key, window), this.windowSeconds + 1);
    const replies = (await pipe.exec()) ?? [];
    return entries.map((_, i) => {
      const [err, total] = replies[2 * i] ?? [];
      return err || typeof total !== 'number' ? null : total;
    });
  }
}

const redisKey = (key: string, window: number) => `ratelimit:${key}:${window}`;
