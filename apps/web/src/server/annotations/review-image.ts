import type { ReviewStatus } from './db-types';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '@tessera/db';
import { ApiError, forbidden } from '../errors';
import { roleAllows } from '../permissions';
import { findAnnotatableImage } from './find-image';
import { publishImageEvent } from './live-hub';

export type ReviewAction = 'submit' | 'approve' | 'request_changes' | 'reopen';

const FROM: Record<ReviewAction, ReviewStatus[]> = {
  submit: ['IN_PROGRESS', 'CHANGES_REQUESTED'],
  approve: ['SUBMITTED'],
  request_changes: ['SUBMITTED', 'APPROVED'],
  reopen: ['SUBMITTED', 'APPROVED', 'CHANGES_REQUESTED'],
};
const TO: Record<ReviewAction, ReviewStatus> = { submit: 'SUBMITTED', approve: 'APPROVED', request_changes: 'CHANGES_REQUESTED', reopen: 'IN_PROGRESS' };

/**
 * The review round trip: an annotator submits; a reviewer approves or requests changes (optionally with a comment
 * pinned to a place); the annotator fixes and submits again. Approving needs the annotations:review permission.
 */
export async function reviewImage(db: Db, actor: Actor, imageId: string, input: { action: ReviewAction; comment?: { body: string; x: number; y: number } }) {
  const image = await findAnnotatableImage(db, actor, imageId);
  if ((input.action === 'approve' || input.action === 'request_changes') && !roleAllows(actor.role, 'annotations:review')) {
    throw forbidden('Only reviewers, admins and owners approve or request changes.');
  }
  const result = await db.$transaction(async (tx) => {
    await tx.imageAnnotationState.upsert({
      where: { imageId: image.id },
      create: { imageId: image.id, organizationId: actor.organizationId, projectId: image.projectId },
      update: {},
    });
    const now = new Date();
    const reviewing = input.action === 'approve' || input.action === 'request_changes';
    const { count } = await tx.imageAnnotationState.updateMany({
      where: { imageId: image.id, organizationId: actor.organizationId, status: { in: FROM[input.action] } },
      data: {
        status: TO[input.action],
        ...(input.action === 'submit' ? { submittedById: actor.userId, submittedAt: now } : {}),
        ...(reviewing ? { reviewedById: actor.userId, reviewedAt: now } : {}),
      },
    });
    if (count === 0) {
      const cur = await tx.imageAnnotationState.findUnique({ where: { imageId: image.id }, select: { status: true } });
      throw new ApiError('CONFLICT', `Cannot ${input.action.replace('_', ' ')} an image that is ${cur?.status.toLowerCase().replace('_', ' ')}.`);
    }
    const comment = input.comment
      ? await tx.reviewComment.create({ data: { organizationId: actor.organizationId, imageId: image.id, authorId: actor.userId, ...input.comment } })
      : null;
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: `annotation.review.${input.action}`,
      targetType: 'image',
      targetId: image.id,
      data: { status: TO[input.action] },
    });
    return { status: TO[input.action], comment };
  });
  void publishImageEvent(actor.organizationId, image.id, { type: 'review', status: result.status, userId: actor.userId });
  if (result.comment) void publishImageEvent(actor.organizationId, image.id, { type: 'comment', comment: toCommentDto(result.comment) });
  return { status: result.status, comment: result.comment ? toCommentDto(result.comment) : null };
}

export function toCommentDto(c: { id: string; authorId: string; body: string; x: number; y: number; resolvedAt: Date | null; createdAt: Date }) {
  return { id: c.id, authorId: c.authorId, body: c.body, x: c.x, y: c.y, resolved: c.resolvedAt !== null, createdAt: c.createdAt.toISOString() };
}
