export { createDb, getDb, type Db } from './client';
export { databaseUrl, DEFAULT_DATABASE_URL } from './database-url';
export { Prisma } from '../generated/client';
export type * from '../generated/models';
export { Role, ProjectKind } from '../generated/enums';
