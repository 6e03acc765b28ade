import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AnnotationShapeSchema } from '@tessera/annotations';
import { ModelTypeSchema } from './train-settings';

export const SnapshotImageSchema = z.object({
  id: z.string(),
  name: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** The image's annotation op sequence number when the snapshot was taken. */
  opSeq: z.number().int().min(0),
  shapes: z.array(AnnotationShapeSchema),
});
export type SnapshotImage = z.infer<typeof SnapshotImageSchema>;

/**
 * What a training run trains on, frozen when the run is created: the images, their annotations as rasteriser shapes
 * (`classIndex` = position in `classes`, from 1) and the label classes. Stored in S3 as canonical JSON; the run
 * pins its sha256, so a resumed or repeated run reads exactly the same labels.
 */
export const AnnotationSnapshotSchema = z.object({
  version: z.literal(1),
  projectId: z.string(),
  modelType: ModelTypeSchema,
  classes: z.array(z.object({ id: z.string(), name: z.string(), color: z.string(), index: z.number().int().min(1) })),
  images: z.array(SnapshotImageSchema),
});
export type AnnotationSnapshot = z.infer<typeof AnnotationSnapshotSchema>;
export type AnnotationSnapshotInput = z.input<typeof AnnotationSnapshotSchema>;

export class SnapshotError extends Error {
  readonly code = 'SNAPSHOT';
}

/** JSON with object keys sorted at every level, so equal snapshots give equal bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Canonical bytes and their sha256 (hex). Images are ordered by id and shapes by (order, id). */
export function encodeSnapshot(input: AnnotationSnapshotInput): { bytes: Uint8Array; hash: string; snapshot: AnnotationSnapshot } {
  const parsed = AnnotationSnapshotSchema.parse(input);
  const snapshot: AnnotationSnapshot = {
    ...parsed,
    images: [...parsed.images]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((img) => ({ ...img, shapes: [...img.shapes].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) })),
  };
  const bytes = new TextEncoder().encode(canonicalJson(snapshot));
  return { bytes, hash: createHash('sha256').update(bytes).digest('hex'), snapshot };
}

/** Parses stored snapshot bytes, refusing any whose hash is not the pinned one. */
export function decodeSnapshot(bytes: Uint8Array, expectedHash: string): AnnotationSnapshot {
  const hash = createHash('sha256').update(bytes).digest('hex');
  if (hash !== expectedHash) throw new SnapshotError(`annotation snapshot hash ${hash.slice(0, 12)}… does not match the run's ${expectedHash.slice(0, 12)}…`);
  return AnnotationSnapshotSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
}
