import { writeZip, type ZipWriteEntry } from '@tessera/czann';
import type { Actor, Tx } from '../actor';
import { ApiError } from '../errors';
import { download } from './export-annotations';
import { baseName, safeName, uniqueName } from './export-names';
import { approvedOnly, classIndexMap, findExportProject, isBackgroundClass } from './find-image';
import { maskTiff, type MaskKind } from './mask-tiff';
import { toShapes } from './to-shapes';

/** A STORED ZIP without ZIP64 ends at 4 GiB (offsets are 32-bit). */
const MAX_ZIP_BYTES = 0xffff_ffff;

/**
 * A project's label masks (or instance masks) as one ZIP: per annotated image, the TIFF its per-image export gives
 * (`<image>_labels.tif` / `<image>_instances.tif`, names made safe and numbered when repeated), plus `classes.json`
 * (mask value → class name and colour) and `images.json` (file → image; for instance masks, value → annotation and
 * class). One image is rasterised at a time; only the deflated TIFFs are kept until the archive is written.
 */
export async function exportProjectMasks(db: Tx, actor: Actor, projectId: string, kind: MaskKind, opts: { approvedOnly: boolean }): Promise<Response> {
  const project = await findExportProject(db, actor, projectId);
  const org = actor.organizationId;
  const counts = await db.annotation.groupBy({ by: ['imageId'], where: { organizationId: org, projectId: project.id, deletedAt: null }, _count: { _all: true } });
  const images = await db.image.findMany({
    where: {
      organizationId: org,
      projectId: project.id,
      id: { in: counts.map((c) => c.imageId) },
      width: { not: null },
      height: { not: null },
      ...approvedOnly(opts.approvedOnly),
    },
    select: { id: true, name: true, width: true, height: true, annotationState: { select: { status: true } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  if (images.length === 0) {
    throw new ApiError('CONFLICT', opts.approvedOnly
      ? 'No approved image of this project has annotations: approve an annotated image first, or export every annotated image.'
      : 'No image of this project has annotations yet: annotate an image first.');
  }
  const indexOf = classIndexMap(project.labelClasses);
  const taken = new Set<string>();
  const entries: ZipWriteEntry[] = [];
  const files = [];
  let size = 0;
  for (const img of images) {
    const rows = await db.annotation.findMany({ where: { organizationId: org, imageId: img.id, deletedAt: null } });
    const shapes = toShapes(rows, indexOf);
    const { tiff, instanceIds } = maskTiff(shapes, img.width!, img.height!, kind);
    const file = uniqueName(baseName(img.name), `_${kind}.tif`, taken);
    size += tiff.length + 2 * file.length + 76;
    if (size > MAX_ZIP_BYTES) throw new ApiError('PAYLOAD_TOO_LARGE', 'These masks would make a ZIP over 4 GiB: export images one by one, or only the approved ones.');
    entries.push({ name: file, data: tiff });
    const classOf = new Map(shapes.map((s) => [s.id, s.classIndex]));
    files.push({
      file,
      imageId: img.id,
      name: img.name,
      width: img.width,
      height: img.height,
      reviewStatus: img.annotationState?.status ?? 'IN_PROGRESS',
      annotations: rows.length,
      ...(kind === 'instances' ? { instances: instanceIds.map((id, k) => ({ value: k + 1, annotationId: id, classIndex: classOf.get(id) })) } : {}),
    });
  }
  const classes = {
    mask: kind,
    dtype: kind === 'labels' ? 'uint16' : 'uint32',
    unlabelled: 0,
    classes: project.labelClasses.map((c, i) => ({ index: i + 1, name: c.name, color: c.color, background: isBackgroundClass(c.name) })),
  };
  const json = (v: unknown) => new TextEncoder().encode(`${JSON.stringify(v, null, 2)}\n`);
  const zip = writeZip([{ name: 'classes.json', data: json(classes) }, { name: 'images.json', data: json({ images: files }) }, ...entries]);
  return download(new Uint8Array(zip.buffer as ArrayBuffer, zip.byteOffset, zip.byteLength), `${safeName(project.name)}_${kind}.zip`, 'application/zip');
}
