import type { JobPayload } from './define-job';
import type { PING_TRAINER } from './contracts';

/** Handler for diagnostics.ping: answers who processed it and how long it waited in the queue. */
export async function handlePing(kind: string, payload: JobPayload<typeof PING_TRAINER>) {
  return { worker: kind, pid: process.pid, queuedMs: Date.now() - Date.parse(payload.sentAt) };
}
