export { createDb, getDb, DB_POOL_SIZE, type Db } from './client';
export { databaseUrl, DEFAULT_DATABASE_URL } from './database-url';
export { Prisma, Role, ProjectKind } from '../generated/client';
export type {
  User,
  Organization,
  Membership,
  Invitation,
  ApiToken,
  Project,
  LabelClass,
  AuditEvent,
  WorkerHeartbeat,
} from '../generated/client';
export type {
  Model, ModelVersion, ModelPackage, InferenceRun, ModelOrder, ServiceGrant, Notification, ModelSource, OrderStatus, PackageKind, ModelTaskStatus,
} from '../generated/client';
export { hashPassword, verifyPassword } from './password';
export { seedDemo, DEMO_LOGIN, DEMO_ORG_SLUG, DEMO_PROJECT_NAME } from './seed-demo';
