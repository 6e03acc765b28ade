import { createHash } from 'node:crypto';
import type { Db } from '@tessera/db';
import type { TrainingRun } from './run-plan';

/**
 * The registry entry of a trained model: the project's Model named after the run (created on first use) and its
 * next ModelVersion, source TRAINED, with lineage pointing back at the run, its annotation snapshot, config and seed.
 * Idempotent per run: a second call (a job delivered twice) returns the version already made.
 */
export async function registerModelVersion(
  db: Db, run: TrainingRun,
  file: { fileKey: string; fileName: string; bytes: Uint8Array; classes: string[]; metrics: Record<string, unknown>; modelType: string },
) {
  const existing = await db.modelVersion.findFirst({ where: { organizationId: run.organizationId, fileKey: file.fileKey } });
  if (existing) return existing;
  const modelName = (run.name.replace(/\s+#\d+$/, '') || 'Trained model').slice(0, 120);
  return db.$transaction(async (tx) => {
    const model = await tx.model.upsert({
      where: { projectId_name: { projectId: run.projectId, name: modelName } },
      create: { organizationId: run.organizationId, projectId: run.projectId, name: modelName, description: `Trained in Tessera (${run.modelType})` },
      update: {},
    });
    const last = await tx.modelVersion.findFirst({ where: { modelId: model.id }, orderBy: { number: 'desc' }, select: { number: true } });
    return tx.modelVersion.create({
      data: {
        organizationId: run.organizationId, modelId: model.id, number: (last?.number ?? 0) + 1, source: 'TRAINED', format: 'czann',
        modelType: file.modelType, classes: file.classes, fileKey: file.fileKey, fileName: file.fileName,
        fileSha256: createHash('sha256').update(file.bytes).digest('hex'), fileBytes: file.bytes.length,
        lineage: { trainingRunId: run.id, annotationSnapshotHash: run.snapshotHash, annotationSnapshotKey: run.snapshotKey, config: run.config as object, seed: run.seed, retryOf: run.retryOfId },
        metrics: file.metrics as object, createdById: run.createdById,
      },
    });
  });
}
