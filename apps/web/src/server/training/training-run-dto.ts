import { z } from 'zod';
import type { Prisma } from '@tessera/db';

export type TrainingRunRow = Prisma.TrainingRunGetPayload<object>;

export const TrainingRunSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  name: z.string(),
  status: z.enum(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED']),
  modelType: z.string(),
  classes: z.array(z.string()),
  settings: z.unknown(),
  seed: z.number(),
  snapshotHash: z.string(),
  imageCount: z.number(),
  totalSteps: z.number(),
  step: z.number(),
  epoch: z.number(),
  loss: z.number().nullable(),
  valMetric: z.number().nullable(),
  bestValMetric: z.number().nullable(),
  msPerStep: z.number().nullable(),
  etaSeconds: z.number().nullable(),
  checkpointStep: z.number(),
  resumeCount: z.number(),
  cancelRequested: z.boolean(),
  error: z.string().nullable(),
  retryOfId: z.string().nullable(),
  modelVersionId: z.string().nullable(),
  metrics: z.unknown(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type TrainingRunDto = z.infer<typeof TrainingRunSchema>;

export const PointSchema = z.object({ step: z.number(), loss: z.number(), valMetric: z.number().nullable(), elapsedMs: z.number() });

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toTrainingRunDto(r: TrainingRunRow): TrainingRunDto {
  return {
    id: r.id, projectId: r.projectId, name: r.name, status: r.status, modelType: r.modelType, classes: r.classes, settings: r.settings,
    seed: r.seed, snapshotHash: r.snapshotHash, imageCount: r.imageIds.length, totalSteps: r.totalSteps, step: r.step, epoch: r.epoch,
    loss: r.loss, valMetric: r.valMetric, bestValMetric: r.bestValMetric, msPerStep: r.msPerStep, etaSeconds: r.etaSeconds,
    checkpointStep: r.checkpointStep, resumeCount: r.resumeCount, cancelRequested: r.cancelRequestedAt !== null, error: r.error,
    retryOfId: r.retryOfId, modelVersionId: r.modelVersionId, metrics: r.metrics, createdAt: r.createdAt.toISOString(),
    startedAt: iso(r.startedAt), finishedAt: iso(r.finishedAt),
  };
}
