import type { Prisma, Db, Role } from '@tessera/db';

/** Who is acting, in which organisation, with which role: every tenant query filters by organizationId. */
export interface Actor {
  userId: string;
  organizationId: string;
  role: Role;
}

export type Tx = Db | Prisma.TransactionClient;
