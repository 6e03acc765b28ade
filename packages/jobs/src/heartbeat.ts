import os from 'node:os';

export const HEARTBEAT_INTERVAL_MS = 10_000;

export interface HeartbeatRow {
  id: string;
  kind: string;
  hostname: string;
  pid: number;
  queues: string[];
  startedAt: Date;
  lastSeenAt: Date;
  stoppedAt: Date | null;
}

/** The subset of the Prisma client a heartbeat needs (keeps this package free of @tessera/db). */
export interface HeartbeatStore {
  workerHeartbeat: {
    upsert(args: { where: { id: string }; create: HeartbeatRow; update: Partial<HeartbeatRow> }): Promise<unknown>;
    update(args: { where: { id: string }; data: Partial<HeartbeatRow> }): Promise<unknown>;
  };
}

export function heartbeatId(kind: string): string {
  return `${kind}:${os.hostname()}:${process.pid}`;
}

export async function writeHeartbeat(db: HeartbeatStore, kind: string, queues: string[], startedAt: Date) {
  const id = heartbeatId(kind);
  const now = new Date();
  await db.workerHeartbeat.upsert({
    where: { id },
    create: { id, kind, hostname: os.hostname(), pid: process.pid, queues, startedAt, lastSeenAt: now, stoppedAt: null },
    update: { lastSeenAt: now, stoppedAt: null },
  });
}

export async function markStopped(db: HeartbeatStore, kind: string) {
  await db.workerHeartbeat.update({ where: { id: heartbeatId(kind) }, data: { stoppedAt: new Date() } });
}
