import { getDb, type Db } from '@tessera/db';
import { createRedis } from '@tessera/jobs';
import { createStorage, type Storage } from '@tessera/storage';
import type { Redis } from 'ioredis';
import { env } from './env';

const g = globalThis as unknown as { __tesseraRedis?: Redis; __tesseraStorage?: Storage };

export function db(): Db {
  return getDb(env().DATABASE_URL);
}

export function redis(): Redis {
  return (g.__tesseraRedis ??= createRedis(env().REDIS_URL));
}

export function storage(): Storage {
  return (g.__tesseraStorage ??= createStorage(env().s3));
}
