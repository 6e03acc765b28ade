import type { Redis } from 'ioredis';

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  resetSeconds: number;
}

/** Fixed-window counter in Redis: shared by every web process. */
export async function hitRateLimit(redis: Redis, key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const k = `ratelimit:${key}`;
  const [[, count], [, ttl]] = (await redis.multi().incr(k).ttl(k).exec()) as [[null, number], [null, number]];
  let reset = ttl;
  if (ttl < 0) {
    await redis.expire(k, windowSeconds);
    reset = windowSeconds;
  }
  return { allowed: count <= limit, remaining: Math.max(0, limit - count), resetSeconds: reset };
}
