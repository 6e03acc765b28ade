import type { Db, Prisma } from '@tessera/db';
import { encodeTiff, runModelOnImage } from '@tessera/bundle';
import { loadModel } from '@tessera/inference';
import { MODEL_INFER, type JobPayload } from '@tessera/jobs';
import { getObjectBytes, orgKey, type Storage } from '@tessera/storage';
import { loadVersionModel, storeFile, type StoredFile } from '../models/model-files';

type Payload = JobPayload<typeof MODEL_INFER>;

/** model.infer: runs a model version on one image with packages/inference → label image TIFF (+ object table CSV). */
export function inferModelJob(deps: { db: Db; storage: Storage; threads?: number; log?: (m: string) => void }) {
  return { def: MODEL_INFER, handle: (payload: unknown) => runInference(deps, payload as Payload) };
}

export async function runInference(deps: { db: Db; storage: Storage; threads?: number; log?: (m: string) => void }, { organizationId, runId }: Payload) {
  const { db, storage } = deps;
  const run = await db.inferenceRun.findFirst({ where: { id: runId, organizationId } });
  if (!run || run.status === 'SUCCEEDED' || run.status === 'FAILED') return { skipped: run?.status ?? 'missing' };
  await db.inferenceRun.update({ where: { id: run.id }, data: { status: 'RUNNING' } });
  try {
    const t0 = performance.now();
    const { model } = await loadVersionModel(db, storage, organizationId, run.versionId);
    const loaded = await loadModel(model, { threads: deps.threads ?? 1 });
    const out = await runModelOnImage(loaded, await getObjectBytes(storage, run.inputKey));
    await loaded.dispose();
    const key = (name: string) => orgKey(organizationId, 'inference-runs', run.id, name);
    const stem = run.inputName.replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9._-]+/g, '_') || 'image';
    const outputs: Record<string, StoredFile> = {
      labels: await storeFile(storage, key('labels.tif'), encodeTiff(out.labels), `${stem}-labels.tif`, 'image/tiff'),
    };
    if (out.objectsCsv !== undefined) {
      outputs.objects = await storeFile(storage, key('objects.csv'), new Uint8Array(Buffer.from(out.objectsCsv)), `${stem}-objects.csv`, 'text/csv');
    }
    const labelCounts: Record<string, number> = {};
    if (out.labels.dtype !== 'float32' && out.objectCount === undefined) {
      for (const v of out.labels.data) labelCounts[String(v)] = (labelCounts[String(v)] ?? 0) + 1;
    }
    const summary = {
      type: out.prediction.type, classes: out.prediction.classes, width: out.labels.width, height: out.labels.height,
      dtype: out.labels.dtype, objectCount: out.objectCount ?? null, labelCounts, ms: Math.round(performance.now() - t0),
    };
    await db.inferenceRun.update({
      where: { id: run.id },
      data: { status: 'SUCCEEDED', outputs: outputs as unknown as Prisma.InputJsonValue, summary: summary as Prisma.InputJsonValue, finishedAt: new Date() },
    });
    return summary;
  } catch (e) {
    const message = (e as Error).message || String(e);
    await db.inferenceRun.update({ where: { id: run.id }, data: { status: 'FAILED', error: `The model could not run on this image: ${message}`, finishedAt: new Date() } });
    deps.log?.(`inference run ${run.id} failed: ${message}`);
    return { error: message };
  }
}
