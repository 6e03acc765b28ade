import type { Db } from '@tessera/db';
import type { TrainingRun } from './run-plan';
import { restoreCheckpoint, Trainer, type ValidationResult } from '@tessera/ml';
import { getObjectBytes, orgKey, putObject, type Storage } from '@tessera/storage';
import { loadTrainingData } from './load-training-data';
import { ProgressWriter } from './progress-writer';
import { LoopStateSchema, nextStop, RunPlanSchema, type LoopState } from './run-plan';
import { finishRun } from './finish-run';

export interface TrainDeps {
  db: Db;
  storage: Storage;
  execution: { threads: number; providers: string[] };
  /** Who is training (heartbeat id), recorded on the run. */
  workerId: string;
  progressIntervalMs?: number;
  log?: (msg: string) => void;
}

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/**
 * model.train: reloads the run (tenant-checked) and returns early when it is finished (idempotent). A run found
 * RUNNING was lost by a worker (kill -9, crash): it resumes from its last checkpoint in S3 (weights, Adam moments,
 * step, RNG state and the loop's best/patience state), so it ends with the same weights as an uninterrupted run.
 */
export async function runTrainingJob(deps: TrainDeps, payload: { organizationId: string; trainingRunId: string }) {
  const { db, log } = deps;
  const run = await db.trainingRun.findFirst({ where: { id: payload.trainingRunId, organizationId: payload.organizationId } });
  if (!run) return { skipped: 'missing' };
  if (TERMINAL.has(run.status)) return { skipped: run.status };
  if (run.cancelRequestedAt) {
    await db.trainingRun.update({ where: { id: run.id }, data: { status: 'CANCELLED', finishedAt: new Date() } });
    return { status: 'CANCELLED' };
  }
  const resumed = run.status === 'RUNNING';
  const started = await db.trainingRun.update({
    where: { id: run.id },
    data: { status: 'RUNNING', startedAt: run.startedAt ?? new Date(), heartbeatAt: new Date(), workerId: deps.workerId, ...(resumed ? { resumeCount: { increment: 1 } } : {}) },
  });
  log?.(`${resumed ? 'resuming' : 'starting'} run ${run.id}${resumed ? ` from step ${run.checkpointStep}` : ''}`);
  try {
    return await train(deps, started);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log?.(`run ${run.id} failed: ${e instanceof Error ? e.stack : message}`);
    await db.trainingRun.update({ where: { id: run.id }, data: { status: 'FAILED', error: message.slice(0, 2000), finishedAt: new Date(), etaSeconds: null } });
    return { status: 'FAILED', error: message };
  }
}

async function train(deps: TrainDeps, run: TrainingRun) {
  const { db, storage } = deps;
  const plan = RunPlanSchema.parse(run.config);
  const data = await loadTrainingData(db, storage, run, plan.validationFraction);
  const cfg = plan.config as { batch?: number; patch?: number };
  const stepsPerEpoch = Math.max(1, data.labelledPixels / ((cfg.batch ?? 4) * (cfg.patch ?? 128) ** 2));
  const trainer = await Trainer.start({ ...plan.config, execution: deps.execution } as never, data.train, data.validation);
  const keys = { checkpoint: orgKey(run.organizationId, 'training', run.id, 'checkpoint.ckpt'), best: orgKey(run.organizationId, 'training', run.id, 'best.ckpt') };
  try {
    let step = 0;
    let loop: LoopState = LoopStateSchema.parse({});
    if (run.checkpointKey) {
      const bytes = await getObjectBytes(storage, run.checkpointKey);
      step = await trainer.restoreCheckpoint(bytes);
      loop = LoopStateSchema.parse(restoreCheckpoint(bytes).extra ?? {});
    }
    // Forget progress past the checkpoint: those steps are trained again (with the same batches).
    await db.trainingRunPoint.deleteMany({ where: { runId: run.id, step: { gt: step } } });
    const progress = new ProgressWriter(db, { id: run.id, organizationId: run.organizationId, totalSteps: plan.totalSteps }, stepsPerEpoch, deps.progressIntervalMs, () => void trainer.cancel());
    let stoppedBy: 'steps' | 'early-stopping' | 'cancelled' = 'steps';
    let lastValidation: ValidationResult | null = null;
    while (step < plan.totalSteps) {
      const target = nextStop(step, plan);
      const base = loop.trainMs;
      const t0 = performance.now();
      const res = await trainer.fit({ steps: target - step }, (p) => progress.add(p, base));
      step += res.steps;
      loop = { ...loop, trainMs: loop.trainMs + (performance.now() - t0) };
      progress.pause();
      if (res.stoppedBy === 'cancelled' || progress.cancelRequested) {
        stoppedBy = 'cancelled';
        break;
      }
      let valMetric: number | null | undefined;
      if (plan.validateEvery > 0 && (step % plan.validateEvery === 0 || step === plan.totalSteps) && data.validation.length) {
        lastValidation = await trainer.validate();
        if (lastValidation) {
          valMetric = lastValidation.meanIou;
          if (!loop.best || lastValidation.meanIou > loop.best.meanIou) {
            loop = { ...loop, best: { step, meanIou: lastValidation.meanIou }, sinceBest: 0 };
            await putObject(storage, keys.best, await trainer.serializeCheckpoint(loop));
          } else {
            loop = { ...loop, sinceBest: loop.sinceBest + 1 };
          }
        }
      }
      await putObject(storage, keys.checkpoint, await trainer.serializeCheckpoint(loop));
      await progress.flush({
        step,
        valMetric,
        data: { checkpointKey: keys.checkpoint, checkpointStep: step, bestStep: loop.best?.step ?? null, bestValMetric: loop.best?.meanIou ?? null },
      });
      if (progress.cancelRequested) {
        stoppedBy = 'cancelled';
        break;
      }
      if (plan.patience > 0 && loop.sinceBest >= plan.patience) {
        stoppedBy = 'early-stopping';
        break;
      }
    }
    await progress.flush();
    if (stoppedBy === 'cancelled') {
      await db.trainingRun.update({ where: { id: run.id }, data: { status: 'CANCELLED', finishedAt: new Date(), etaSeconds: null } });
      deps.log?.(`run ${run.id} cancelled at step ${step}`);
      return { status: 'CANCELLED', step };
    }
    // Export the best validated weights when validation ran, else the last ones.
    if (loop.best && loop.best.step !== step) await trainer.restoreCheckpoint(await getObjectBytes(storage, keys.best));
    const onnx = await trainer.exportOnnx();
    return await finishRun(deps, run, { onnx, step, stoppedBy, loop, lastValidation, snapshot: data.snapshot, channels: data.train[0]!.channels, depth: (plan.config.model as { depth: number }).depth });
  } finally {
    await trainer.close();
  }
}
