import type { TrainingRun } from './run-plan';
import { writePng } from '@tessera/imaging';
import { argmaxLast, createSession, predictImage } from '@tessera/ml';
import { orgKey, putObject } from '@tessera/storage';
import { isBackgroundName, type AnnotationSnapshot } from '@tessera/training';
import { readImageLevel } from './read-image-level';
import type { TrainDeps } from './train-run';

/** Largest image (pixels) predicted whole; bigger ones are left to the tiled inference of "apply to dataset". */
export const MAX_PREDICT_PIXELS = 4096 * 4096;
const INSTANCE_COLORS = ['#000000', '#22d3ee', '#facc15'];

function rgb(hex: string): [number, number, number] {
  const v = Number.parseInt(hex.replace('#', ''), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

export interface PredictionSummary {
  images: number;
  skipped: number;
  ms: number;
}

/**
 * Runs the exported model on every ready image of the run's project and stores, per image, an InferenceRun of the
 * new version with three PNGs in S3: `labels` (argmax + 1), `confidence` (max probability × 255) and `overlay`
 * (RGBA: the class colour, alpha ∝ confidence; background transparent) for the viewer's overlay layer.
 */
export async function predictProjectImages(
  deps: TrainDeps, run: TrainingRun,
  m: { versionId: string; onnx: Uint8Array; snapshot: AnnotationSnapshot; depth: number; classes: string[] },
): Promise<PredictionSummary> {
  const { db, storage } = deps;
  const t0 = performance.now();
  const images = await db.image.findMany({
    where: { organizationId: run.organizationId, projectId: run.projectId, status: 'READY' },
    select: { id: true, name: true, width: true, height: true, sizeC: true, dtype: true, chunkSize: true, zarrPrefix: true, levels: true },
    orderBy: { createdAt: 'asc' },
  });
  const instance = run.modelType === 'instance';
  const colors = instance ? INSTANCE_COLORS.map(rgb) : m.snapshot.classes.map((c) => rgb(c.color));
  const transparent = instance ? [true, false, false] : m.snapshot.classes.map((c) => isBackgroundName(c.name));
  const session = await createSession(m.onnx, deps.execution);
  const K = m.classes.length;
  let done = 0, skipped = 0;
  try {
    for (const img of images) {
      if (!img.width || !img.height || img.width * img.height > MAX_PREDICT_PIXELS) {
        skipped++;
        continue;
      }
      const started = performance.now();
      const plane = await readImageLevel(storage, img);
      const scores = await predictImage(session, plane, 2 ** m.depth);
      const pred = argmaxLast(scores, K);
      const n = img.width * img.height;
      const labels = new Uint8Array(n), conf = new Uint8Array(n), overlay = new Uint8Array(n * 4);
      const counts = new Array<number>(K).fill(0);
      let confSum = 0;
      for (let i = 0; i < n; i++) {
        const c = pred[i] as number;
        const p = scores[i * K + c] as number;
        labels[i] = c + 1;
        counts[c]!++;
        confSum += p;
        conf[i] = Math.round(p * 255);
        if (transparent[c]) continue;
        const [r, g, b] = colors[c] ?? [255, 0, 255];
        overlay.set([r, g, b, Math.round(40 + p * 150)], i * 4);
      }
      const base = (name: string) => orgKey(run.organizationId, 'training', run.id, 'predictions', img.id, name);
      const files = {
        labels: writePng({ width: img.width, height: img.height, channels: 1, dtype: 'uint8', data: labels }),
        confidence: writePng({ width: img.width, height: img.height, channels: 1, dtype: 'uint8', data: conf }),
        overlay: writePng({ width: img.width, height: img.height, channels: 4, dtype: 'uint8', data: overlay }),
      };
      const outputs: Record<string, { key: string; bytes: number }> = {};
      for (const [name, bytes] of Object.entries(files)) {
        const key = base(`${name}.png`);
        await putObject(storage, key, bytes, 'image/png');
        outputs[name] = { key, bytes: bytes.length };
      }
      const summary = {
        width: img.width, height: img.height, planes: 1, labelCounts: counts, meanConfidence: confSum / n,
        ms: Math.round(performance.now() - started), trainingRunId: run.id, classes: m.classes,
      };
      const existing = await db.inferenceRun.findFirst({ where: { organizationId: run.organizationId, versionId: m.versionId, imageId: img.id }, select: { id: true } });
      const data = { status: 'SUCCEEDED' as const, outputs, summary, finishedAt: new Date() };
      if (existing) await db.inferenceRun.update({ where: { id: existing.id }, data });
      else {
        await db.inferenceRun.create({
          data: { organizationId: run.organizationId, projectId: run.projectId, versionId: m.versionId, imageId: img.id, inputKey: img.zarrPrefix!, inputName: img.name, createdById: run.createdById, ...data },
        });
      }
      done++;
    }
  } finally {
    await session.release();
  }
  return { images: done, skipped, ms: Math.round(performance.now() - t0) };
}
