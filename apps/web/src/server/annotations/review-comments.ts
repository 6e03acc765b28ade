import type { Actor, Tx } from '../actor';
import type { Db } from '@tessera/db';
import { notFound } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { findAnnotatableImage } from './find-image';
import { publishImageEvent } from './live-hub';
import { toCommentDto } from './review-image';


export async function listReviewComments(db: Tx, actor: Actor, imageId: string) {
  const image = await findAnnotatableImage(db, actor, imageId);
  const rows = await db.reviewComment.findMany({ where: { organizationId: actor.organizationId, imageId: image.id }, orderBy: { createdAt: 'asc' } });
  return { comments: rows.map(toCommentDto) };
}

/** A comment pinned to (x, y) in image pixels. */
export async function addReviewComment(db: Db, actor: Actor, imageId: string, input: { body: string; x: number; y: number }) {
  const image = await findAnnotatableImage(db, actor, imageId);
  const c = await db.reviewComment.create({ data: { organizationId: actor.organizationId, imageId: image.id, authorId: actor.userId, ...input } });
  const dto = toCommentDto(c);
  void publishImageEvent(actor.organizationId, image.id, { type: 'comment', comment: dto });
  return dto;
}

export async function resolveReviewComment(db: Db, actor: Actor, imageId: string, commentId: string, resolved: boolean) {
  const { count } = await db.reviewComment.updateMany({
    where: { id: commentId, imageId, organizationId: actor.organizationId },
    data: { resolvedAt: resolved ? new Date() : null },
  });
  if (count === 0) throw notFound('Comment');
  const c = (await db.reviewComment.findFirst({ where: { id: commentId, organizationId: actor.organizationId } }))!;
  const dto = toCommentDto(c);
  void publishImageEvent(actor.organizationId, imageId, { type: 'comment', comment: dto });
  return dto;
}

/** Review status of every image of a project (for the dataset list), IN_PROGRESS where nobody has annotated yet. */
export async function listImageReviewStatuses(db: Tx, actor: Actor, projectId: string) {
  const project = await db.project.findFirst({ where: { id: projectId, organizationId: actor.organizationId }, select: { id: true, trainOnApprovedOnly: true } });
  if (!project) throw notFound('Project');
  const images = await db.image.findMany({
    where: { organizationId: actor.organizationId, projectId: project.id },
    select: { id: true, name: true, width: true, height: true, status: true, annotationState: { select: { status: true, opSeq: true, updatedAt: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const counts = await db.annotation.groupBy({
    by: ['imageId'],
    where: { organizationId: actor.organizationId, projectId: project.id, deletedAt: null },
    _count: { _all: true },
  });
  const countOf = new Map(counts.map((c) => [c.imageId, c._count._all]));
  return {
    trainOnApprovedOnly: project.trainOnApprovedOnly,
    images: images.map((i) => ({
      id: i.id,
      name: i.name,
      width: i.width,
      height: i.height,
      imageStatus: i.status,
      reviewStatus: i.annotationState?.status ?? 'IN_PROGRESS',
      annotations: countOf.get(i.id) ?? 0,
      updatedAt: i.annotationState?.updatedAt.toISOString() ?? null,
    })),
  };
}

export async function updateAnnotationSettings(db: Db, actor: Actor, projectId: string, input: { trainOnApprovedOnly: boolean }) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.project.updateMany({ where: { id: projectId, organizationId: actor.organizationId }, data: { trainOnApprovedOnly: input.trainOnApprovedOnly } });
    if (count === 0) throw notFound('Project');
    await recordAudit(tx, { organizationId: actor.organizationId, actorUserId: actor.userId, action: 'project.annotation_settings', targetType: 'project', targetId: projectId, data: input });
    return input;
  });
}
