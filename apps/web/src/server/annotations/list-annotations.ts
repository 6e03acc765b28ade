import type { Actor, Tx } from '../actor';
import { toAnnotationDto } from './annotation-dto';
import { findAnnotatableImage } from './find-image';

/** Current (not deleted) annotations of an image, the op sequence they reflect and the review status. */
export async function listAnnotations(db: Tx, actor: Actor, imageId: string) {
  const image = await findAnnotatableImage(db, actor, imageId);
  // the sequence first, then the rows: rows may be newer than seq (clients keep the higher version when the ops
  // after seq arrive), never older
  const state = await db.imageAnnotationState.findUnique({ where: { imageId: image.id }, select: { opSeq: true, status: true } });
  const rows = await db.annotation.findMany({ where: { organizationId: actor.organizationId, imageId: image.id, deletedAt: null }, orderBy: { zOrder: 'asc' } });
  const seq = state?.opSeq ?? 0;
  return {
    image: { id: image.id, name: image.name, width: image.width, height: image.height, projectId: image.projectId, projectKind: image.project.kind },
    labelClasses: image.project.labelClasses,
    status: state?.status ?? 'IN_PROGRESS',
    seq,
    annotations: rows.map(toAnnotationDto),
  };
}

/** Ops after `afterSeq` in order, with the object's state after each: how a live client catches up. */
export async function listAnnotationOps(db: Tx, actor: Actor, imageId: string, afterSeq: number, limit = 1000) {
  const image = await findAnnotatableImage(db, actor, imageId);
  const ops = await db.annotationOp.findMany({
    where: { organizationId: actor.organizationId, imageId: image.id, seq: { gt: afterSeq } },
    orderBy: { seq: 'asc' },
    take: limit,
  });
  const ids = [...new Set(ops.map((o) => o.annotationId))];
  const rows = await db.annotation.findMany({ where: { organizationId: actor.organizationId, id: { in: ids } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    ops: ops.map((o) => {
      const row = byId.get(o.annotationId)!;
      const after = o.after as { labelClassId: string | null; geometry: unknown; fillHoles: boolean; deleted: boolean };
      const dto = toAnnotationDto(row);
      // the object as this op left it (later ops may have changed it since)
      return {
        seq: o.seq,
        opType: o.type,
        key: o.idempotencyKey,
        userId: o.userId,
        createdAt: o.createdAt.toISOString(),
        annotation: { ...dto, version: o.version, labelClassId: after.labelClassId, geometry: after.geometry as typeof dto.geometry, fillHoles: after.fillHoles, deleted: after.deleted },
      };
    }),
  };
}
