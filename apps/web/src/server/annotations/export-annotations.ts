import { exportCoco, exportGeoJson } from '@tessera/annotations';
import type { Actor, Tx } from '../actor';
import { ApiError } from '../errors';
import { baseName, safeName } from './export-names';
import { approvedOnly, classIndexMap, findAnnotatableImage, findExportProject, isBackgroundClass } from './find-image';
import { maskTiff } from './mask-tiff';
import { toShapes } from './to-shapes';

export type ExportFormat = 'labels-tiff' | 'instances-tiff' | 'coco' | 'geojson';

export function download(body: BodyInit, name: string, type: string): Response {
  return new Response(body, { headers: { 'content-type': type, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' } });
}

/**
 * One image's annotations as a label mask TIFF (uint16; 0 = unlabelled, k = class k in project order), an instance
 * mask TIFF (uint32; 0 = none), COCO JSON or GeoJSON. Masks come from the same rasteriser training uses.
 */
export async function exportImageAnnotations(db: Tx, actor: Actor, imageId: string, format: ExportFormat): Promise<Response> {
  const image = await findAnnotatableImage(db, actor, imageId);
  const rows = await db.annotation.findMany({ where: { organizationId: actor.organizationId, imageId: image.id, deletedAt: null } });
  const indexOf = classIndexMap(image.project.labelClasses);
  const shapes = toShapes(rows, indexOf);
  const base = baseName(image.name);
  const names = new Map(image.project.labelClasses.map((c, i) => [i + 1, c.name]));
  if (format === 'geojson') return download(JSON.stringify(exportGeoJson(shapes, names)), `${base}.geojson`, 'application/geo+json');
  if (!image.width || !image.height) throw new ApiError('CONFLICT', 'This image is not ready yet: masks and COCO need its size; GeoJSON works now.');
  if (format === 'labels-tiff' || format === 'instances-tiff') {
    const kind = format === 'labels-tiff' ? 'labels' : 'instances';
    const { tiff } = maskTiff(shapes, image.width, image.height, kind);
    return download(new Uint8Array(tiff), `${base}_${kind}.tif`, 'image/tiff');
  }
  const cats = image.project.labelClasses.map((c, i) => ({ id: i + 1, name: c.name })).filter((c) => !isBackgroundClass(c.name));
  const coco = exportCoco([{ id: 1, fileName: image.name, width: image.width, height: image.height, shapes }], cats, { instanceProject: image.project.kind === 'INSTANCE' });
  return download(JSON.stringify(coco), `${base}_coco.json`, 'application/json');
}

/**
 * A project's annotations as one COCO dataset or one GeoJSON per image ({ images: [{ id, name, geojson }] }), over
 * every ready image, or only the approved ones.
 */
export async function exportProjectAnnotations(db: Tx, actor: Actor, projectId: string, format: 'coco' | 'geojson', opts = { approvedOnly: false }): Promise<Response> {
  const project = await findExportProject(db, actor, projectId);
  const indexOf = classIndexMap(project.labelClasses);
  const images = await db.image.findMany({
    where: {
      organizationId: actor.organizationId,
      projectId: project.id,
      width: { not: null },
      ...approvedOnly(opts.approvedOnly),
    },
    select: { id: true, name: true, width: true, height: true, annotationState: { select: { status: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const withShapes = [];
  for (const img of images) {
    const rows = await db.annotation.findMany({ where: { organizationId: actor.organizationId, imageId: img.id, deletedAt: null } });
    withShapes.push({ ...img, shapes: toShapes(rows, indexOf) });
  }
  const base = safeName(project.name);
  if (format === 'geojson') {
    const names = new Map(project.labelClasses.map((c, i) => [i + 1, c.name]));
    const body = { images: withShapes.map((i) => ({ id: i.id, name: i.name, reviewStatus: i.annotationState?.status ?? 'IN_PROGRESS', geojson: exportGeoJson(i.shapes, names) })) };
    return download(JSON.stringify(body), `${base}_geojson.json`, 'application/json');
  }
  const cats = project.labelClasses.map((c, i) => ({ id: i + 1, name: c.name })).filter((c) => !isBackgroundClass(c.name));
  const coco = exportCoco(
    withShapes.map((i, k) => ({ id: k + 1, fileName: i.name, width: i.width!, height: i.height!, shapes: i.shapes })),
    cats,
    { instanceProject: project.kind === 'INSTANCE' },
  );
  return download(JSON.stringify(coco), `${base}_coco.json`, 'application/json');
}
