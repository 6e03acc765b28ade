import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/client';

export type Db = PrismaClient;

/** Connections a client keeps open at most (per process). */
export const DB_POOL_SIZE = 10;

/** The only place a Prisma client is created. */
export function createDb(url: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: DB_POOL_SIZE }) });
}

const cache = globalThis as unknown as { __tesseraDb?: Map<string, Db> };

/** One shared client per URL per process (Next.js dev reloads modules; this survives that). */
export function getDb(url: string): Db {
  cache.__tesseraDb ??= new Map();
  let db = cache.__tesseraDb.get(url);
  if (!db) {
    db = createDb(url);
    cache.__tesseraDb.set(url, db);
  }
  return db;
}
