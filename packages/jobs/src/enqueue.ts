import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobDefinition, JobPayload } from './define-job';
import type { QueueName } from './queues';

const queues = new Map<string, Queue>();

export function getQueue(connection: Redis, name: QueueName): Queue {
  const key = `${connection.options.host}:${connection.options.port}/${connection.options.db ?? 0}:${name}`;
  let q = queues.get(key);
  if (!q) {
    q = new Queue(name, { connection });
    queues.set(key, q);
  }
  return q;
}

/**
 * Validates the payload against the job's contract and adds it. `jobId` should be the id of the Postgres row that
 * holds the user-visible state, so a retry of the same request cannot enqueue twice.
 */
export async function enqueue<D extends JobDefinition>(
  connection: Redis,
  def: D,
  payload: JobPayload<D>,
  opts: { jobId?: string } = {},
) {
  const data = def.schema.parse(payload);
  return getQueue(connection, def.queue).add(def.name, data, { ...def.defaults, jobId: opts.jobId });
}

export async function closeQueues(): Promise<void> {
  await Promise.all([...queues.values()].map((q) => q.close()));
  queues.clear();
}
