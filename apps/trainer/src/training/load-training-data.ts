import type { Db } from '@tessera/db';
import type { TrainingImage } from '@tessera/ml';
import { splitLabelledAreas } from '@tessera/ml';
import { getObjectBytes, type Storage } from '@tessera/storage';
import { decodeSnapshot, trainingLabels, type AnnotationSnapshot } from '@tessera/training';
import { readImageLevel } from './read-image-level';

export interface TrainingData {
  snapshot: AnnotationSnapshot;
  train: TrainingImage[];
  validation: TrainingImage[];
  /** Labelled training pixels (for epochs). */
  labelledPixels: number;
}

export class TrainingDataLoadError extends Error {
  readonly code = 'TRAINING_DATA';
}

/**
 * The run's pinned annotation snapshot (hash-checked), each image's full-resolution level from S3 and its label map
 * through the annotation rasteriser; labelled areas split into training and validation by seeded blocks.
 */
export async function loadTrainingData(
  db: Db, storage: Storage,
  run: { organizationId: string; snapshotKey: string; snapshotHash: string; seed: number },
  validationFraction: number,
): Promise<TrainingData> {
  const snapshot = decodeSnapshot(await getObjectBytes(storage, run.snapshotKey), run.snapshotHash);
  const rows = await db.image.findMany({
    where: { organizationId: run.organizationId, id: { in: snapshot.images.map((i) => i.id) } },
    select: { id: true, width: true, height: true, sizeC: true, dtype: true, chunkSize: true, zarrPrefix: true, levels: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const images: TrainingImage[] = [];
  for (const s of snapshot.images) {
    const labels = trainingLabels(snapshot, s);
    if (!labels.some((v) => v > 0)) continue;
    const row = byId.get(s.id);
    if (!row) throw new TrainingDataLoadError(`image ${s.name} was deleted after the run was started`);
    if (row.width !== s.width || row.height !== s.height) throw new TrainingDataLoadError(`image ${s.name} changed size since the snapshot`);
    const plane = await readImageLevel(storage, row);
    images.push({ width: plane.width, height: plane.height, channels: plane.channels, data: plane.data, labels });
  }
  if (images.length === 0) throw new TrainingDataLoadError('nothing is labelled in the images of this run');
  const channels = new Set(images.map((i) => i.channels));
  if (channels.size > 1) throw new TrainingDataLoadError(`the images have different channel counts (${[...channels].join(', ')})`);
  const split = validationFraction > 0 ? splitLabelledAreas(images, validationFraction, run.seed) : { train: images, validation: [] };
  const train = split.train.filter((i) => i.labels.some((v) => v > 0));
  const validation = split.validation.filter((i) => i.labels.some((v) => v > 0));
  // A tiny labelled area may land entirely in validation: then train on everything and validate on nothing.
  const usable = train.length > 0 ? { train, validation } : { train: images, validation: [] };
  const labelledPixels = usable.train.reduce((a, i) => a + countLabelled(i.labels), 0);
  return { snapshot, ...usable, labelledPixels };
}

function countLabelled(labels: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < labels.length; i++) if ((labels[i] as number) > 0) n++;
  return n;
}
