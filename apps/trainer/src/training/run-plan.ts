import type { Prisma } from '@tessera/db';
import { z } from 'zod';

/** The `config` Json of a TrainingRun: the engine config plus the run's schedule (see @tessera/training resolveTraining). */
export const RunPlanSchema = z.object({
  config: z.record(z.string(), z.unknown()),
  totalSteps: z.number().int().min(1),
  seed: z.number().int().min(0),
  validateEvery: z.number().int().min(0),
  patience: z.number().int().min(0),
  validationFraction: z.number().min(0).max(0.5),
  checkpointEvery: z.number().int().min(1),
});
export type RunPlan = z.infer<typeof RunPlanSchema>;

/** Checkpoint `extra`: what the loop around the engine needs to carry on exactly where it was. */
export const LoopStateSchema = z.object({
  best: z.object({ step: z.number(), meanIou: z.number() }).nullable().default(null),
  sinceBest: z.number().int().default(0),
  trainMs: z.number().default(0),
});
export type LoopState = z.infer<typeof LoopStateSchema>;

/** Next step at which the loop stops the engine (to validate and checkpoint). */
export function nextStop(step: number, plan: Pick<RunPlan, 'totalSteps' | 'checkpointEvery' | 'validateEvery'>): number {
  const up = (k: number) => (k > 0 ? (Math.floor(step / k) + 1) * k : Infinity);
  return Math.min(plan.totalSteps, up(plan.checkpointEvery), up(plan.validateEvery));
}

/** A TrainingRun row. */
export type TrainingRun = Prisma.TrainingRunGetPayload<object>;
