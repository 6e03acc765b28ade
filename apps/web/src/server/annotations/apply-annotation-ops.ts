import type { Prisma } from '@tessera/db';
import type { Annotation } from './db-types';
import { geometryBounds, type Geometry } from '@tessera/annotations';
import type { Actor, Tx } from '../actor';
import type { Db } from '@tessera/db';
import { ApiError, isUniqueViolation } from '../errors';
import { KIND_TO_DB, toAnnotationDto } from './annotation-dto';
import { findAnnotatableImageCached, type AnnotatableImage } from './find-image';
import { publishImageEvent } from './live-hub';
import type { AnnotationOp, OpResult } from './op-schemas';
import { createAnnotationFast, isUniqueError } from './create-annotation-fast';


/** Raised inside an op's transaction to roll it back and report the op as a conflict or rejection. */
class OpRefused extends Error {
  constructor(
    readonly status: 'conflict' | 'rejected',
    message: string,
    readonly current: Annotation | null = null,
  ) {
    super(message);
  }
}

/**
 * Applies operations in order, each in its own transaction, so that a refused op does not undo the others. An op is
 * acknowledged ('applied') only after its transaction committed; a replayed idempotency key returns 'duplicate'
 * with the object's current state; an op based on an old version is a 'conflict' (never a silent overwrite).
 */
export async function applyAnnotationOps(db: Db, actor: Actor, imageId: string, ops: readonly AnnotationOp[]) {
  const image = await findAnnotatableImageCached(db, actor, imageId);
  if (!image.width || !image.height) throw new ApiError('CONFLICT', 'This image is not ready yet; annotate it once ingest has finished.');
  const results: OpResult[] = [];
  for (const op of ops) results.push(await applyOne(db, actor, image, op));
  return { results };
}

async function applyOne(db: Db, actor: Actor, image: AnnotatableImage, op: AnnotationOp): Promise<OpResult> {
  if (op.type === 'create') return applyCreate(db, actor, image, op);
  const seen = await findDuplicate(db, actor, op.key);
  if (seen) return seen;
  try {
    const { seq, row } = await db.$transaction((tx) => runOp(tx, actor, image, op));
    const dto = toAnnotationDto(row);
    void publishImageEvent(actor.organizationId, image.id, { type: 'op', seq, opType: op.type, key: op.key, userId: actor.userId, annotation: dto });
    return { key: op.key, status: 'applied', seq, annotation: dto };
  } catch (e) {
    if (e instanceof OpRefused) return { key: op.key, status: e.status, message: e.message, annotation: e.current ? toAnnotationDto(e.current) : null };
    if (isUniqueViolation(e)) {
      // the same key arrived twice at once: the other request won; report its result
      const dup = await findDuplicate(db, actor, op.key);
      if (dup) return dup;
      throw e;
    }
    throw e;
  }
}

/** Creates (strokes) take one round trip; a replay is recognised by the unique key it violates. */
async function applyCreate(db: Db, actor: Actor, image: AnnotatableImage, op: Extract<AnnotationOp, { type: 'create' }>): Promise<OpResult> {
  const a = op.annotation;
  if (a.kind !== 'eraser' && !image.project.labelClasses.some((c) => c.id === a.labelClassId)) {
    return { key: op.key, status: 'rejected', message: "The label class is not one of this project's classes.", annotation: null };
  }
  try {
    const { seq, dto } = await createAnnotationFast(db, actor, image, op);
    void publishImageEvent(actor.organizationId, image.id, { type: 'op', seq, opType: 'create', key: op.key, userId: actor.userId, annotation: dto });
    return { key: op.key, status: 'applied', seq, annotation: dto };
  } catch (e) {
    if (!isUniqueError(e)) throw e;
    const dup = await findDuplicate(db, actor, op.key);
    if (dup) return dup;
    return { key: op.key, status: 'rejected', message: 'An annotation with this id already exists; create it with a new id.', annotation: null };
  }
}

async function findDuplicate(db: Db, actor: Actor, key: string): Promise<OpResult | null> {
  const prev = await db.annotationOp.findUnique({
    where: { organizationId_idempotencyKey: { organizationId: actor.organizationId, idempotencyKey: key } },
    select: { seq: true, annotationId: true },
  });
  if (!prev) return null;
  const current = await db.annotation.findFirst({ where: { id: prev.annotationId, organizationId: actor.organizationId } });
  return { key, status: 'duplicate', seq: prev.seq, annotation: current ? toAnnotationDto(current) : null };
}

async function runOp(tx: Prisma.TransactionClient, actor: Actor, image: AnnotatableImage, op: AnnotationOp) {
  // per-image counter: the row lock serialises this image's writers, so seq is gap-free and in commit order
  const [state] = await tx.$queryRaw<{ opSeq: number }[]>`
    INSERT INTO "ImageAnnotationState" ("imageId", "organizationId", "projectId", "opSeq", "status", "updatedAt")
    VALUES (${image.id}, ${actor.organizationId}, ${image.projectId}, 1, 'IN_PROGRESS', now())
    ON CONFLICT ("imageId") DO UPDATE SET "opSeq" = "ImageAnnotationState"."opSeq" + 1, "updatedAt" = now(),
      "status" = CASE WHEN "ImageAnnotationState"."status" = 'APPROVED' THEN 'IN_PROGRESS'::"ReviewStatus" ELSE "ImageAnnotationState"."status" END
    RETURNING "opSeq"`;
  const seq = state!.opSeq;
  let before: Annotation | null = null;
  let row: Annotation;
  if (op.type === 'create') {
    const a = op.annotation;
    checkClass(image, a.labelClassId ?? null, a.kind === 'eraser');
    const exists = await tx.annotation.findUnique({ where: { id: a.id }, select: { id: true } });
    if (exists) throw new OpRefused('rejected', 'An annotation with this id already exists; create it with a new id.');
    row = await tx.annotation.create({
      data: {
        id: a.id,
        organizationId: actor.organizationId,
        projectId: image.projectId,
        imageId: image.id,
        labelClassId: a.kind === 'eraser' ? null : (a.labelClassId ?? null),
        kind: KIND_TO_DB[a.kind],
        geometry: a.geometry as Prisma.InputJsonValue,
        fillHoles: a.fillHoles ?? false,
        zOrder: seq,
        authorId: actor.userId,
        updatedById: actor.userId,
        ...geometryBounds(a.geometry),
      },
    });
  } else {
    before = await tx.annotation.findFirst({ where: { id: op.annotationId, imageId: image.id, organizationId: actor.organizationId } });
    if (!before) throw new OpRefused('rejected', 'No such annotation on this image.');
    if (before.version !== op.baseVersion) {
      throw new OpRefused('conflict', `Someone changed this object meanwhile (version ${before.version}, you edited ${op.baseVersion}); it was not overwritten.`, before);
    }
    const deleted = before.deletedAt !== null;
    if (op.type !== 'restore' && deleted) throw new OpRefused('conflict', 'This object was deleted meanwhile.', before);
    if (op.type === 'restore' && !deleted) throw new OpRefused('conflict', 'This object is not deleted.', before);
    const data: Prisma.AnnotationUpdateManyMutationInput = { version: { increment: 1 }, updatedById: actor.userId };
    if (op.type === 'delete') data.deletedAt = new Date();
    if (op.type === 'restore') data.deletedAt = null;
    if (op.type === 'update') {
      if (op.patch.labelClassId !== undefined) checkClass(image, op.patch.labelClassId, before.kind === 'ERASER');
      if (op.patch.geometry) {
        if ((before.kind === 'BRUSH' || before.kind === 'ERASER') !== (op.patch.geometry.type === 'polyline') && before.kind !== 'INSTANCE') {
          throw new OpRefused('rejected', 'The new geometry does not fit this kind of object.');
        }
        data.geometry = op.patch.geometry as Prisma.InputJsonValue;
        Object.assign(data, geometryBounds(op.patch.geometry as Geometry));
      }
      if (op.patch.labelClassId !== undefined) data.labelClassId = op.patch.labelClassId;
      if (op.patch.fillHoles !== undefined) data.fillHoles = op.patch.fillHoles;
    }
    const { count } = await tx.annotation.updateMany({ where: { id: before.id, version: op.baseVersion }, data });
    if (count !== 1) throw new OpRefused('conflict', 'Someone changed this object meanwhile; it was not overwritten.', before);
    row = (await tx.annotation.findUnique({ where: { id: before.id } }))!;
  }
  await tx.annotationOp.create({
    data: {
      organizationId: actor.organizationId,
      imageId: image.id,
      seq,
      idempotencyKey: op.key,
      userId: actor.userId,
      type: op.type,
      annotationId: row.id,
      version: row.version,
      before: before ? snapshot(before) : undefined,
      after: snapshot(row),
    },
  });
  return { seq, row };
}

function checkClass(image: AnnotatableImage, labelClassId: string | null, eraser: boolean) {
  if (eraser) return;
  if (!labelClassId || !image.project.labelClasses.some((c) => c.id === labelClassId)) {
    throw new OpRefused('rejected', "The label class is not one of this project's classes.");
  }
}

const snapshot = (a: Annotation): Prisma.InputJsonValue => ({
  labelClassId: a.labelClassId,
  geometry: a.geometry as Prisma.InputJsonValue,
  fillHoles: a.fillHoles,
  deleted: a.deletedAt !== null,
});

export type { Tx };
