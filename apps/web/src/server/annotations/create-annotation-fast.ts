import { randomUUID } from 'node:crypto';
import type { Db, Prisma } from '@tessera/db';
import { geometryBounds } from '@tessera/annotations';
import type { Actor } from '../actor';
import { KIND_TO_DB } from './annotation-dto';
import type { AnnotatableImage } from './find-image';
import type { AnnotationDto, AnnotationOp } from './op-schemas';

type CreateOp = Extract<AnnotationOp, { type: 'create' }>;

/**
 * The hot path (every stroke): bump the image's op counter, insert the object and its op-log row in ONE statement,
 * so a stroke costs one round trip and is atomic (a unique violation on the id or the idempotency key inserts
 * nothing and is sorted out by the caller). Postgres runs data-modifying CTEs as one snapshot and one transaction.
 */
export async function createAnnotationFast(db: Db, actor: Actor, image: AnnotatableImage, op: CreateOp): Promise<{ seq: number; dto: AnnotationDto }> {
  const a = op.annotation;
  const b = geometryBounds(a.geometry);
  const labelClassId = a.kind === 'eraser' ? null : (a.labelClassId ?? null);
  const geometry = JSON.stringify(a.geometry);
  const fillHoles = a.fillHoles ?? false;
  const kind = KIND_TO_DB[a.kind];
  const after = JSON.stringify({ labelClassId, geometry: a.geometry, fillHoles, deleted: false } satisfies Prisma.InputJsonValue);
  const rows = await db.$queryRaw<{ seq: number; createdAt: Date }[]>`
    WITH s AS (
      INSERT INTO "ImageAnnotationState" ("imageId", "organizationId", "projectId", "opSeq", "status", "updatedAt")
      VALUES (${image.id}, ${actor.organizationId}, ${image.projectId}, 1, 'IN_PROGRESS', now())
      ON CONFLICT ("imageId") DO UPDATE SET "opSeq" = "ImageAnnotationState"."opSeq" + 1, "updatedAt" = now(),
        "status" = CASE WHEN "ImageAnnotationState"."status" = 'APPROVED' THEN 'IN_PROGRESS'::"ReviewStatus" ELSE "ImageAnnotationState"."status" END
      RETURNING "opSeq"
    ), a AS (
      INSERT INTO "Annotation" ("id", "organizationId", "projectId", "imageId", "labelClassId", "kind", "geometry", "fillHoles", "zOrder",
        "version", "authorId", "updatedById", "minX", "minY", "maxX", "maxY", "createdAt", "updatedAt")
      SELECT ${a.id}, ${actor.organizationId}, ${image.projectId}, ${image.id}, ${labelClassId}, ${kind}::"AnnotationKind", ${geometry}::jsonb,
        ${fillHoles}, s."opSeq", 1, ${actor.userId}, ${actor.userId}, ${b.minX}, ${b.minY}, ${b.maxX}, ${b.maxY}, now(), now() FROM s
      RETURNING "zOrder", "createdAt"
    ), o AS (
      INSERT INTO "AnnotationOp" ("id", "organizationId", "imageId", "seq", "idempotencyKey", "userId", "type", "annotationId", "version", "after")
      SELECT ${randomUUID()}, ${actor.organizationId}, ${image.id}, s."opSeq", ${op.key}, ${actor.userId}, 'create', ${a.id}, 1, ${after}::jsonb FROM s
      RETURNING "seq"
    )
    SELECT o."seq" AS seq, a."createdAt" AS "createdAt" FROM o, a`;
  const r = rows[0]!;
  const at = new Date(r.createdAt).toISOString();
  return {
    seq: Number(r.seq),
    dto: { id: a.id, kind: a.kind, labelClassId, geometry: a.geometry, fillHoles, zOrder: Number(r.seq), version: 1, authorId: actor.userId, updatedById: actor.userId, deleted: false, createdAt: at, updatedAt: at },
  };
}

/** A unique-constraint violation, whether Prisma reports it from a model query (P2002) or a raw one. */
export function isUniqueError(e: unknown): boolean {
  const x = e as { code?: string; message?: string; meta?: unknown };
  if (x?.code === 'P2002') return true;
  const text = `${x?.message ?? ''} ${JSON.stringify(x?.meta ?? '')}`;
  return /23505|unique constraint|UniqueConstraintViolation/i.test(text);
}
