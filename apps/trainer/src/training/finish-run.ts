import { createHash } from 'node:crypto';
import { writeCzann } from '@tessera/czann';
import type { TrainingRun } from './run-plan';
import type { ValidationResult } from '@tessera/ml';
import { orgKey, putObject } from '@tessera/storage';
import { INSTANCE_CLASSES, type AnnotationSnapshot } from '@tessera/training';
import { predictProjectImages } from './predict-project-images';
import { registerModelVersion } from './register-model-version';
import type { LoopState } from './run-plan';
import type { TrainDeps } from './train-run';

/** Tile the exported .czann declares (ZEN tiles with it), and its overlap. */
export const CZANN_TILE = 256;
export const CZANN_OVERLAP = 32;
/** Instance post-processing stored in the .czann (as in the ml benchmark). */
export const INSTANCE_POSTPROCESSING = { method: 'watershedBoundary', boundaryClass: 3, foregroundClasses: [2], minSize: 20, fillHoles: true } as const;

/** The bare ONNX of a run's model (for "apply to dataset" without unpacking the .czann). */
export const onnxKey = (run: { organizationId: string; id: string }) => orgKey(run.organizationId, 'training', run.id, 'model.onnx');

export interface FinishInput {
  onnx: Uint8Array;
  step: number;
  stoppedBy: string;
  loop: LoopState;
  lastValidation: ValidationResult | null;
  snapshot: AnnotationSnapshot;
  channels: number;
  depth: number;
}

/**
 * A finished run: the .czann in S3, a ModelVersion with lineage (run, snapshot hash, config, seed) and metrics, the
 * predictions (labels + confidence overlays) for the project's images, then the row marked SUCCEEDED.
 */
export async function finishRun(deps: TrainDeps, run: TrainingRun, r: FinishInput) {
  const { db, storage } = deps;
  const instance = run.modelType === 'instance';
  const classes = instance ? [...INSTANCE_CLASSES] : run.classes;
  const czann = writeCzann({
    metadata: {
      id: run.id,
      type: instance ? 'SingleClassInstanceSegmentation' : classes.length > 2 ? 'MultiClassSemanticSegmentation' : 'SingleClassSemanticSegmentation',
      inputShape: [CZANN_TILE, CZANN_TILE, r.channels], outputShape: [CZANN_TILE, CZANN_TILE, classes.length],
      minOverlap: [CZANN_OVERLAP, CZANN_OVERLAP], classes, modelName: run.name,
      extra: instance ? { TesseraPostprocessing: INSTANCE_POSTPROCESSING } : {},
    },
    onnx: r.onnx,
  });
  const fileKey = orgKey(run.organizationId, 'training', run.id, 'model.czann');
  await putObject(storage, fileKey, czann, 'application/octet-stream');
  await putObject(storage, onnxKey(run), r.onnx, 'application/octet-stream');
  const onnxSha256 = createHash('sha256').update(r.onnx).digest('hex');
  const v = r.lastValidation;
  const metrics = {
    steps: r.step, stoppedBy: r.stoppedBy, trainSeconds: Math.round(r.loop.trainMs / 1000),
    best: r.loop.best, validation: v ? { meanIou: v.meanIou, accuracy: v.accuracy, iou: v.iou.map((x) => (Number.isNaN(x) ? null : x)) } : null,
    onnxSha256,
  };
  const version = await registerModelVersion(db, run, {
    fileKey, fileName: `${run.name.replace(/[^A-Za-z0-9._-]+/g, '_') || 'model'}.czann`, bytes: czann, classes, metrics,
    modelType: instance ? 'instance-segmentation' : 'semantic-segmentation',
  });
  const predictions = await predictProjectImages(deps, run, { versionId: version.id, onnx: r.onnx, snapshot: r.snapshot, depth: r.depth, classes });
  await db.trainingRun.update({
    where: { id: run.id },
    data: { status: 'SUCCEEDED', finishedAt: new Date(), etaSeconds: null, modelVersionId: version.id, metrics: { ...metrics, modelVersionNumber: version.number, predictions: { ...predictions } } },
  });
  deps.log?.(`run ${run.id} succeeded at step ${r.step}: model version ${version.id}`);
  return { status: 'SUCCEEDED', step: r.step, modelVersionId: version.id, onnxSha256 };
}
