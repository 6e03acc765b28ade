import { createHash } from 'node:crypto';
import { z } from 'zod';
import { UnetConfigSchema } from '../model/unet-config';
import { AdamConfigSchema } from '../optim/adam';
import { ExecutionSchema } from './ort-session';
import { AugmentConfigSchema } from './training-data';

export const TrainConfigSchema = z.object({
  model: UnetConfigSchema,
  batch: z.number().int().min(1).default(4),
  /** Square patch side; a multiple of 2^depth. */
  patch: z.number().int().min(8).default(128),
  lr: z.number().positive().default(1e-3),
  lrSchedule: z.enum(['constant', 'cosine']).default('constant'),
  /** Planned number of steps (for the cosine schedule and ETA). */
  totalSteps: z.number().int().min(1).default(1000),
  adam: AdamConfigSchema.default(AdamConfigSchema.parse({})),
  seed: z.number().int().min(0).default(0),
  /** Loss weight per class (label − 1); unlabelled pixels always weigh 0. */
  classWeights: z.array(z.number().min(0)).optional(),
  /** Weight of an added soft-Dice term over labelled pixels (softmax head). */
  diceWeight: z.number().min(0).default(0),
  augment: AugmentConfigSchema.nullable().default(AugmentConfigSchema.parse({})),
  normalisation: z.object({
    /** `dataset`: every image uses the median of the per-image percentiles (exactly what the export bakes in);
     * `per-image`: each training image uses its own percentiles. */
    mode: z.enum(['dataset', 'per-image']).default('dataset'),
    low: z.number().min(0).max(100).default(1),
    high: z.number().min(0).max(100).default(99.8),
  }).default({ mode: 'dataset', low: 1, high: 99.8 }),
  execution: ExecutionSchema.default(ExecutionSchema.parse({})),
});
export type TrainConfig = z.infer<typeof TrainConfigSchema>;
export type TrainConfigInput = z.input<typeof TrainConfigSchema>;

/** The learning rate at 1-based `step`. */
export function learningRate(cfg: TrainConfig, step: number): number {
  if (cfg.lrSchedule === 'constant') return cfg.lr;
  const t = Math.min(1, (step - 1) / cfg.totalSteps);
  return cfg.lr * 0.5 * (1 + Math.cos(Math.PI * t));
}

/** Hash of everything that shapes the weights (execution settings excluded). */
export function hashConfig(cfg: TrainConfig): string {
  const { execution: _execution, ...rest } = cfg;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 16);
}
