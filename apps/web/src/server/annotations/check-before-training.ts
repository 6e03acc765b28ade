import { checkClassTotals, checkImageAnnotations, type CheckIssue, type ClassStat } from '@tessera/annotations';
import type { Actor, Tx } from '../actor';
import { notFound } from '../errors';
import { approvedOnly, classIndexMap, isBackgroundClass } from './find-image';
import { toShapes } from './to-shapes';

export interface CheckThresholds {
  minAreaPx?: number;
  minObjects?: number;
}

/**
 * Checks before training over a project's images (only approved ones when the project trains on approved images
 * only), or one image. Each issue names the image and, where it has one, the place (x, y) to look at.
 */
export async function checkBeforeTraining(db: Tx, actor: Actor, input: { projectId: string; imageId?: string } & CheckThresholds) {
  const project = await db.project.findFirst({
    where: { id: input.projectId, organizationId: actor.organizationId },
    select: { id: true, kind: true, trainOnApprovedOnly: true, labelClasses: { orderBy: [{ order: 'asc' }, { createdAt: 'asc' }], select: { id: true, name: true } } },
  });
  if (!project) throw notFound('Project');
  const indexOf = classIndexMap(project.labelClasses);
  const classes = project.labelClasses.map((c, i) => ({ index: i + 1, name: c.name, background: isBackgroundClass(c.name), id: c.id }));
  const images = await db.image.findMany({
    where: {
      organizationId: actor.organizationId,
      projectId: project.id,
      ...(input.imageId ? { id: input.imageId } : {}),
      ...approvedOnly(project.trainOnApprovedOnly && !input.imageId),
    },
    select: { id: true, name: true, width: true, height: true },
  });
  if (input.imageId && images.length === 0) throw notFound('Image');
  const issues: (Omit<CheckIssue, 'code'> & { code: CheckIssue['code'] | 'IMAGE_NOT_READY'; imageId?: string; imageName?: string; labelClassId?: string })[] = [];
  const stats: ClassStat[][] = [];
  for (const img of images) {
    if (!img.width || !img.height) {
      issues.push({ code: 'IMAGE_NOT_READY', severity: 'error', message: 'The image has not finished ingest; it cannot be checked or trained on yet.', annotationIds: [], imageId: img.id, imageName: img.name });
      continue;
    }
    const rows = await db.annotation.findMany({ where: { organizationId: actor.organizationId, imageId: img.id, deletedAt: null } });
    const r = checkImageAnnotations(toShapes(rows, indexOf), { width: img.width!, height: img.height!, instanceProject: project.kind === 'INSTANCE', classes });
    stats.push(r.classStats);
    for (const i of r.issues) issues.push({ ...i, imageId: img.id, imageName: img.name });
  }
  for (const i of checkClassTotals(stats, classes, input)) {
    issues.push({ ...i, labelClassId: classes.find((c) => c.index === i.classIndex)?.id });
  }
  return {
    images: images.length,
    trainOnApprovedOnly: project.trainOnApprovedOnly,
    ok: !issues.some((i) => i.severity === 'error'),
    issues,
  };
}
