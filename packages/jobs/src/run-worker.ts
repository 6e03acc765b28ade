import { Worker, type Job, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobDefinition } from './define-job';
import type { QueueName } from './queues';

export type JobHandler = (payload: unknown, job: Job) => Promise<unknown>;

export class UnknownJobError extends Error {
  readonly code = 'UNKNOWN_JOB';
}

/** A BullMQ worker that parses each payload with its contract before the handler sees it. */
export function runWorker(opts: {
  connection: Redis;
  queue: QueueName;
  concurrency: number;
  handlers: { def: JobDefinition; handle: JobHandler }[];
  /** Lock and stalled-job settings (lockDuration, stalledInterval, maxStalledCount). */
  options?: Pick<WorkerOptions, 'lockDuration' | 'stalledInterval' | 'maxStalledCount'>;
}): Worker {
  const byName = new Map(opts.handlers.filter((h) => h.def.queue === opts.queue).map((h) => [h.def.name, h]));
  return new Worker(
    opts.queue,
    async (job) => {
      const entry = byName.get(job.name);
      if (!entry) throw new UnknownJobError(`No handler for job ${job.name} on ${opts.queue}`);
      return entry.handle(entry.def.schema.parse(job.data), job);
    },
    { ...opts.options, connection: opts.connection, concurrency: opts.concurrency },
  );
}
