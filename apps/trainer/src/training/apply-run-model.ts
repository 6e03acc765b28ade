import { getObjectBytes } from '@tessera/storage';
import { decodeSnapshot, INSTANCE_CLASSES } from '@tessera/training';
import { onnxKey } from './finish-run';
import { predictProjectImages } from './predict-project-images';
import { RunPlanSchema } from './run-plan';
import type { TrainDeps } from './train-run';

/** model.apply: runs a succeeded run's model on every ready image of its project (new images included). */
export async function applyRunModel(deps: TrainDeps, payload: { organizationId: string; trainingRunId: string }) {
  const run = await deps.db.trainingRun.findFirst({ where: { id: payload.trainingRunId, organizationId: payload.organizationId } });
  if (!run || run.status !== 'SUCCEEDED' || !run.modelVersionId) return { skipped: run?.status ?? 'missing' };
  const plan = RunPlanSchema.parse(run.config);
  const snapshot = decodeSnapshot(await getObjectBytes(deps.storage, run.snapshotKey), run.snapshotHash);
  const onnx = await getObjectBytes(deps.storage, onnxKey(run));
  const classes = run.modelType === 'instance' ? [...INSTANCE_CLASSES] : run.classes;
  const depth = (plan.config.model as { depth: number }).depth;
  const summary = await predictProjectImages(deps, run, { versionId: run.modelVersionId, onnx, snapshot, depth, classes });
  const metrics = (run.metrics ?? {}) as Record<string, unknown>;
  await deps.db.trainingRun.update({ where: { id: run.id }, data: { metrics: { ...metrics, predictions: { ...summary }, appliedAt: new Date().toISOString() } } });
  return { status: 'APPLIED', ...summary };
}
