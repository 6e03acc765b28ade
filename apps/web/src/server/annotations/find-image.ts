import type { Actor, Tx } from '../actor';
import { notFound } from '../errors';
import { TtlCache } from '../ttl-cache';

/** The image (in the actor's organisation) with its project's kind, settings and label classes in index order. */
export async function findAnnotatableImage(db: Tx, actor: Actor, imageId: string) {
  const image = await db.image.findFirst({
    where: { id: imageId, organizationId: actor.organizationId },
    select: {
      id: true,
      name: true,
      projectId: true,
      organizationId: true,
      width: true,
      height: true,
      status: true,
      project: {
        select: {
          id: true,
          kind: true,
          trainOnApprovedOnly: true,
          labelClasses: { orderBy: [{ order: 'asc' }, { createdAt: 'asc' }], select: { id: true, name: true, color: true, order: true } },
        },
      },
    },
  });
  if (!image) throw notFound('Image');
  return image;
}
export type AnnotatableImage = Awaited<ReturnType<typeof findAnnotatableImage>>;

/** The project (in the actor's organisation) with its label classes in index order, for exports. */
export async function findExportProject(db: Tx, actor: Actor, projectId: string) {
  const project = await db.project.findFirst({
    where: { id: projectId, organizationId: actor.organizationId },
    select: { id: true, name: true, kind: true, labelClasses: { orderBy: [{ order: 'asc' }, { createdAt: 'asc' }], select: { id: true, name: true, color: true } } },
  });
  if (!project) throw notFound('Project');
  return project;
}

/** Label value of each class in masks and exports: its position in the project's class order, from 1. */
export function classIndexMap(classes: readonly { id: string }[]): Map<string, number> {
  return new Map(classes.map((c, i) => [c.id, i + 1]));
}

export const isBackgroundClass = (name: string) => /^(background|bg)$/i.test(name.trim());

/** An image filter: only images whose annotations are approved when `on` (training on approved images, exports). */
export const approvedOnly = (on: boolean) => (on ? { annotationState: { is: { status: 'APPROVED' as const } } } : {});

const cache = new TtlCache<AnnotatableImage>(3000);

/**
 * The same lookup, remembered for 3 s per (organisation, image) in this process: the stroke path reads it for
 * every save. Width, height and project never change; a class added or removed shows up within 3 s.
 */
export async function findAnnotatableImageCached(db: Tx, actor: Actor, imageId: string): Promise<AnnotatableImage> {
  const key = `${actor.organizationId}:${imageId}`;
  const hit = cache.get(key);
  if (hit?.width) return hit;
  const image = await findAnnotatableImage(db, actor, imageId);
  cache.set(key, image);
  return image;
}
