import { rasteriseAnnotations } from './rasterise';
import type { AnnotationShape } from './types';

export interface CocoImageInput {
  /** Numeric COCO id. */
  id: number;
  fileName: string;
  width: number;
  height: number;
  shapes: readonly AnnotationShape[];
}

export interface CocoCategory {
  id: number;
  name: string;
}

export interface CocoAnnotation {
  id: number;
  image_id: number;
  category_id: number;
  /** Uncompressed RLE, column-major like pycocotools: counts alternate 0-runs and 1-runs, starting with 0s. */
  segmentation: { size: [number, number]; counts: number[] };
  area: number;
  bbox: [number, number, number, number];
  iscrowd: 0 | 1;
  attributes: { annotationId?: string };
}

export interface CocoDataset {
  info: { description: string; version: string };
  images: { id: number; file_name: string; width: number; height: number }[];
  categories: CocoCategory[];
  annotations: CocoAnnotation[];
}

/**
 * COCO instances JSON from the rasterised masks, so that exported masks equal what training sees. Instance
 * projects: one annotation per instance object. Semantic projects: one crowd annotation per class per image.
 * The background class is usually left out of `categories` by the caller; pixels of classes not listed are skipped.
 */
export function exportCoco(images: readonly CocoImageInput[], categories: readonly CocoCategory[], opts: { instanceProject: boolean }): CocoDataset {
  const out: CocoDataset = {
    info: { description: 'Tessera annotations (0 = unlabelled is not background)', version: '1.0' },
    images: images.map((i) => ({ id: i.id, file_name: i.fileName, width: i.width, height: i.height })),
    categories: [...categories],
    annotations: [],
  };
  const known = new Set(categories.map((c) => c.id));
  let nextId = 1;
  for (const img of images) {
    const m = rasteriseAnnotations(img.shapes, { width: img.width, height: img.height });
    if (opts.instanceProject) {
      const classOf = new Map(img.shapes.map((s) => [s.id, s.classIndex]));
      for (let k = 1; k <= m.instanceIds.length; k++) {
        const cat = classOf.get(m.instanceIds[k - 1]!)!;
        if (!known.has(cat)) continue;
        const ann = maskAnnotation(m.instances, img.width, img.height, (v) => v === k);
        if (ann) out.annotations.push({ ...ann, id: nextId++, image_id: img.id, category_id: cat, iscrowd: 0, attributes: { annotationId: m.instanceIds[k - 1] } });
      }
    } else {
      for (const c of categories) {
        const ann = maskAnnotation(m.labels, img.width, img.height, (v) => v === c.id);
        if (ann) out.annotations.push({ ...ann, id: nextId++, image_id: img.id, category_id: c.id, iscrowd: 1, attributes: {} });
      }
    }
  }
  return out;
}

function maskAnnotation(mask: ArrayLike<number>, w: number, h: number, inside: (v: number) => boolean) {
  const counts: number[] = [];
  let cur = 0, run = 0, area = 0;
  let minX = w, minY = h, maxX = -1, maxY = -1;
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) {
      const v = inside(mask[y * w + x]!) ? 1 : 0;
      if (v) {
        area++;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      if (v !== cur) {
        counts.push(run);
        run = 0;
        cur = v;
      }
      run++;
    }
  }
  counts.push(run);
  if (area === 0) return null;
  return { segmentation: { size: [h, w] as [number, number], counts }, area, bbox: [minX, minY, maxX - minX + 1, maxY - minY + 1] as [number, number, number, number] };
}

/** Decodes an uncompressed COCO RLE back into a row-major 0/1 mask (for tests and importers). */
export function decodeCocoRle(rle: { size: [number, number]; counts: number[] }): Uint8Array {
  const [h, w] = rle.size;
  const out = new Uint8Array(w * h);
  let p = 0, v = 0;
  for (const c of rle.counts) {
    for (let k = 0; k < c; k++, p++) if (v) out[(p % h) * w + Math.floor(p / h)] = 1;
    v ^= 1;
  }
  return out;
}
