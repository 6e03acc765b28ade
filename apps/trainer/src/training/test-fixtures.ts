import { createHash } from 'node:crypto';
import type { Db } from '@tessera/db';
import { bytesReader, writePng } from '@tessera/imaging';
import { orgKey, putObject, type Storage } from '@tessera/storage';
import { seedOrgWithUser } from '@tessera/testing';
import { encodeSnapshot, resolveTraining, TrainSettingsSchema, type AnnotationSnapshotInput, type TrainSettingsInput } from '@tessera/training';
import { ingestImage } from '@tessera/zarr';

/** Disks (x, y, r) of the synthetic test image: bright nuclei on a dark background. */
export const DISKS = [[20, 20, 9], [60, 22, 8], [30, 58, 10], [75, 60, 9], [50, 40, 6]] as const;

/** A 96×80 uint8 PNG with DISKS and deterministic noise, ingested into an OME-Zarr pyramid in S3 (64-px chunks). */
export async function ingestTestImage(db: Db, storage: Storage, org: { id: string }, projectId: string, name: string) {
  const W = 96, H = 80;
  const data = new Uint8Array(W * H);
  let s = 12345;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      s = (s * 1103515245 + 12345) >>> 0;
      const fg = DISKS.some(([cx, cy, r]) => (x - cx) ** 2 + (y - cy) ** 2 < r * r);
      data[y * W + x] = Math.max(0, Math.min(255, (fg ? 170 : 50) + ((s >>> 16) % 40) - 20));
    }
  }
  const png = writePng({ width: W, height: H, channels: 1, dtype: 'uint8', data });
  const image = await db.image.create({
    data: { organizationId: org.id, projectId, name, status: 'INGESTING', sizeBytes: png.length, sourceKey: 'x', partSize: png.length, partCount: 1 },
  });
  const zarrPrefix = orgKey(org.id, 'images', image.id, 'zarr');
  const r = await ingestImage({
    reader: bytesReader(png), size: png.length, name, limits: { maxPixels: 1e8 }, chunkSize: 64,
    sink: (key, bytes) => putObject(storage, `${zarrPrefix}/${key}`, bytes),
  });
  return db.image.update({
    where: { id: image.id },
    data: { status: 'READY', width: r.width, height: r.height, sizeC: r.sizeC, sizeZ: 1, sizeT: 1, dtype: r.dtype, chunkSize: r.chunkSize, levels: r.levels, zarrPrefix, readyAt: new Date() },
  });
}

const circle = (cx: number, cy: number, r: number) => Array.from({ length: 16 }, (_, k) => [cx + r * Math.cos((k * Math.PI) / 8), cy + r * Math.sin((k * Math.PI) / 8)]).flat();

/** Partial labels: three nuclei outlined (class 2) and background strokes (class 1) away from every disk. */
export function testShapes(modelType: 'semantic' | 'instance') {
  return [
    { id: 'bg1', kind: 'brush' as const, classIndex: 1, geometry: { type: 'polyline' as const, points: [2, 40, 12, 40, 12, 78], width: 4 }, order: 1 },
    { id: 'bg2', kind: 'brush' as const, classIndex: 1, geometry: { type: 'polyline' as const, points: [40, 4, 90, 4, 90, 40], width: 4 }, order: 2 },
    ...DISKS.slice(0, 3).map(([x, y, r], i) => ({
      id: `n${i}`, kind: modelType === 'instance' ? ('instance' as const) : ('polygon' as const), classIndex: 2,
      geometry: { type: 'polygon' as const, rings: [circle(x, y, r - 0.5)] }, order: 3 + i,
    })),
  ];
}

/** An org, a project with Background + Nucleus, `images` ingested test images and a queued TrainingRun pinning a snapshot. */
export async function seedTrainingRun(db: Db, storage: Storage, opts: { settings: TrainSettingsInput; images?: number; name?: string }) {
  const { org, user } = await seedOrgWithUser(db);
  const modelType = TrainSettingsSchema.parse(opts.settings).modelType;
  const project = await db.project.create({ data: { organizationId: org.id, name: 'Nuclei', kind: modelType === 'instance' ? 'INSTANCE' : 'SEMANTIC' } });
  const classes = await Promise.all([['Background', '#333333'], ['Nucleus', '#ff3366']].map(([name, color], order) =>
    db.labelClass.create({ data: { organizationId: org.id, projectId: project.id, name: name!, color: color!, order } })));
  const images = [];
  for (let i = 0; i < (opts.images ?? 1); i++) images.push(await ingestTestImage(db, storage, org, project.id, `cells-${i}.png`));
  return { org, user, project, images, run: await queueRun(db, storage, { org, user, project, images, classes, settings: opts.settings, name: opts.name }) };
}

/** What the web app does when Train is pressed: snapshot → S3, resolved plan, TrainingRun row (QUEUED). */
export async function queueRun(db: Db, storage: Storage, o: {
  org: { id: string }; user: { id: string }; project: { id: string }; images: { id: string; name: string; width: number | null; height: number | null }[];
  classes: { id: string; name: string; color: string }[]; settings: TrainSettingsInput; name?: string;
}) {
  const settings = TrainSettingsSchema.parse(o.settings);
  const input: AnnotationSnapshotInput = {
    version: 1, projectId: o.project.id, modelType: settings.modelType,
    classes: o.classes.map((c, i) => ({ id: c.id, name: c.name, color: c.color, index: i + 1 })),
    images: o.images.map((img) => ({ id: img.id, name: img.name, width: img.width!, height: img.height!, opSeq: 0, shapes: testShapes(settings.modelType) })),
  };
  const snap = encodeSnapshot(input);
  const outputClasses = settings.modelType === 'instance' ? 3 : o.classes.length;
  const plan = resolveTraining(settings, { channels: 1, outputClasses, seed: 1 });
  const id = `run${createHash('sha256').update(`${o.org.id}${Math.random()}`).digest('hex').slice(0, 20)}`;
  const snapshotKey = orgKey(o.org.id, 'training', id, 'snapshot.json');
  await putObject(storage, snapshotKey, snap.bytes, 'application/json');
  return db.trainingRun.create({
    data: {
      id, organizationId: o.org.id, projectId: o.project.id, createdById: o.user.id, name: o.name ?? 'Nuclei semantic', modelType: settings.modelType,
      classes: o.classes.map((c) => c.name), settings, config: plan as object, seed: plan.seed, imageIds: o.images.map((i) => i.id),
      snapshotKey, snapshotHash: snap.hash, totalSteps: plan.totalSteps, checkpointEvery: plan.checkpointEvery,
    },
  });
}
