import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { TEST_REDIS_URL } from '@tessera/testing';
import { BatchedRateLimiter } from './rate-limit';

const redis = new Redis(TEST_REDIS_URL);
afterAll(() => redis.disconnect());

describe('BatchedRateLimiter (two web processes sharing Redis)', () => {
  it('counts every hit of every process against one limit once they have synced', async () => {
    const key = `test:${randomUUID()}`;
    const a = new BatchedRateLimiter(redis, 60, 10_000), b = new BatchedRateLimiter(redis, 60, 10_000);
    const allowed = [];
    for (let i = 0; i < 6; i++) allowed.push((await a.hit(key, 10)).allowed, (await b.hit(key, 10)).allowed);
    // before a sync each process sees only its own hits after its first one: 6 + the other's first ≤ 10
    expect(allowed.every(Boolean)).toBe(true);
    await a.sync();
    await b.sync();
    await a.sync(); // a learns b's hits
    expect(Number(await redis.get(`ratelimit:${key}:${Math.floor(Date.now() / 60_000)}`))).toBe(12);
    const next = await a.hit(key, 10);
    expect(next.allowed).toBe(false);
    expect(next.remaining).toBe(0);
    expect(next.resetSeconds).toBeGreaterThanOrEqual(1);
    expect(next.resetSeconds).toBeLessThanOrEqual(60);
    expect((await b.hit(key, 10)).allowed).toBe(false);
  });

  it("sees the other processes' hits on a caller's first request of a window", async () => {
    const key = `test:${randomUUID()}`;
    const a = new BatchedRateLimiter(redis, 60, 10_000), b = new BatchedRateLimiter(redis, 60, 10_000);
    for (let i = 0; i < 5; i++) await a.hit(key, 5);
    await a.sync();
    const first = await b.hit(key, 5);
    expect(first).toMatchObject({ allowed: false, remaining: 0 });
  });

  it('syncs on its own within the interval', async () => {
    const key = `test:${randomUUID()}`;
    const a = new BatchedRateLimiter(redis, 60, 50);
    for (let i = 0; i < 4; i++) await a.hit(key, 100);
    await new Promise((r) => setTimeout(r, 300));
    expect(Number(await redis.get(`ratelimit:${key}:${Math.floor(Date.now() / 60_000)}`))).toBe(4);
  });
});
