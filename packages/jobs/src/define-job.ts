import type { JobsOptions } from 'bullmq';
import type { z } from 'zod';
import type { QueueName } from './queues';

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  queue: QueueName;
  schema: S;
  defaults: JobsOptions;
}

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}

export type JobPayload<D extends JobDefinition> = z.infer<D['schema']>;
