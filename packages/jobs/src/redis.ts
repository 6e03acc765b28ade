import { Redis } from 'ioredis';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** BullMQ needs maxRetriesPerRequest: null on connections it blocks on. */
export function createRedis(url: string, opts: { lazy?: boolean } = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: opts.lazy ?? false, enableOfflineQueue: true });
}
