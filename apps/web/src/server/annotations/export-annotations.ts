import { exportCoco, exportGeoJson, rasteriseAnnotations } from '@tessera/annotations';
import { writeTiff } from '@tessera/imaging';
import type { Actor, Tx } from '../actor';
import { ApiError, notFound } from '../errors';
import { classIndexMap, findAnnotatableImage, isBackgroundClass } from './find-image';
import { toShapes } from './to-shapes';

export type ExportFormat = 'labels-tiff' | 'instances-tiff' | 'coco' | 'geojson';

const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'image';

function download(body: BodyInit, name: string, type: string): Response {
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
  const base = safeName(image.name.replace(/\.[^.]+$/, ''));
  const names = new Map(image.project.labelClasses.map((c, i) => [i + 1, c.name]));
  if (format === 'geojson') return download(JSON.stringify(exportGeoJson(shapes, names)), `${base}.geojson`, 'application/geo+json');
  if (!image.width || !image.height) throw new ApiError('CONFLICT', 'This image is not ready yet: masks and COCO need its size; GeoJSON works now.');
  if (format === 'labels-tiff' || format === 'instances-tiff') {
    const m = rasteriseAnnotations(shapes, { width: image.width, height: image.height });
    const data = format === 'labels-tiff' ? m.labels : new Uint32Array(m.instances.buffer, m.instances.byteOffset, m.instances.length);
    const tiff = writeTiff(
      { width: image.width, height: image.height, channels: 1, dtype: format === 'labels-tiff' ? 'uint16' : 'uint32', data },
      { compression: 'deflate', ome: false, software: 'Tessera' },
    );
    return download(new Uint8Array(tiff), `${base}_${format === 'labels-tiff' ? 'labels' : 'instances'}.tif`, 'image/tiff');
  }
  const cats = image.project.labelClasses.map((c, i) => ({ id: i + 1, name: c.name })).filter((c) => !isBackgroundClass(c.name));
  const coco = exportCoco([{ id: 1, fileName: image.name, width: image.width, height: image.height, shapes }], cats, { instanceProject: image.project.kind === 'INSTANCE' });
  return download(JSON.stringify(coco), `${base}_coco.json`, 'application/json');
}

/** A project's annotations as one COCO dataset or one GeoJSON per image ({ images: [{ id, name, geojson }] }). */
export async function exportProjectAnnotations(db: Tx, actor: Actor, projectId: string, format: 'coco' | 'geojson'): Promise<Response> {
  const project = await db.project.findFirst({
    where: { id: projectId, organizationId: actor.organizationId },
    select: { id: true, name: true, kind: true, trainOnApprovedOnly: true, labelClasses: { orderBy: [{ order: 'asc' }, { createdAt: 'asc' }], select: { id: true, name: true } } },
  });
  if (!project) throw notFound('Project');
  const indexOf = classIndexMap(project.labelClasses);
  const images = await db.image.findMany({
    where: { organizationId: actor.organizationId, projectId: project.id, width: { not: null } },
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
