import type { Prisma } from '@tessera/db';
import type { Tx } from '../actor';

export interface AuditInput {
  organizationId: string | null;
  actorUserId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  data?: Prisma.InputJsonValue;
}

/** Written in the same transaction as the change it records, so there is no change without its event. */
export async function recordAudit(tx: Tx, e: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId: e.organizationId,
      actorUserId: e.actorUserId,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId ?? null,
      data: e.data ?? {},
    },
  });
}
