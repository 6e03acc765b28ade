import { AnnotationError } from './errors';
import { rasteriseFootprint } from './footprint';
import { intersectRect } from './geometry';
import type { AnnotationShape, Rect } from './types';

export interface RasteriseOptions {
  /** Image size in pixels; nothing outside it is ever labelled. */
  width: number;
  height: number;
  /** Only this window of the image (for training patches); default the whole image. */
  region?: Rect;
  /**
   * Separate touching instances: a pixel of an instance that 4-touches an instance painted earlier becomes a gap
   * pixel (instance 0, label `gapLabel`). Default false.
   */
  instanceGap?: boolean;
  /** Label written into gap pixels: 0 (unlabelled, default) or the background class index. */
  gapLabel?: number;
}

export interface LabelMasks {
  region: Rect;
  /** 0 = unlabelled (ignored by training), k = class index k. */
  labels: Uint16Array;
  /** 0 = no instance, i = the i-th instance object in paint order (see `instanceIds`). */
  instances: Int32Array;
  /** instanceIds[i - 1] is the annotation id of instance i. */
  instanceIds: string[];
}

/**
 * Paints annotations in `order` (ties by id) into a label mask and an instance mask. Later shapes win; an eraser
 * makes the pixels it covers unlabelled (label 0, instance 0); a non-instance shape painted over an instance
 * takes its pixels away from it; painting an instance over a neighbour does not merge them.
 */
export function rasteriseAnnotations(shapes: readonly AnnotationShape[], opts: RasteriseOptions): LabelMasks {
  const image: Rect = { x: 0, y: 0, width: opts.width, height: opts.height };
  if (!(opts.width > 0 && opts.height > 0 && Number.isInteger(opts.width) && Number.isInteger(opts.height))) {
    throw new AnnotationError('INVALID_REGION', 'Image width and height must be positive integers.');
  }
  const region = opts.region ? intersectRect(opts.region, image) : image;
  if (!region || (opts.region && !Number.isInteger(opts.region.x + opts.region.y + opts.region.width + opts.region.height))) {
    throw new AnnotationError('INVALID_REGION', 'The region must be an integer rectangle that overlaps the image.');
  }
  const { x: rx, y: ry, width: rw, height: rh } = region;
  const labels = new Uint16Array(rw * rh);
  const instances = new Int32Array(rw * rh);
  const instanceIds: string[] = [];
  const sorted = sortForPainting(shapes);
  for (const s of sorted) {
    const isInstance = s.kind === 'instance';
    const inst = isInstance ? instanceIds.push(s.id) : 0;
    // fill-holes needs the whole footprint inside the image to know what is enclosed
    const fp = rasteriseFootprint(s.geometry, s.fillHoles ? image : region, s.fillHoles ?? false);
    if (!fp) continue;
    const value = s.kind === 'eraser' ? 0 : s.classIndex;
    const id = s.kind === 'eraser' ? 0 : inst;
    const clip = intersectRect(fp.rect, region);
    if (!clip) continue;
    for (let y = clip.y; y < clip.y + clip.height; y++) {
      const src = (y - fp.rect.y) * fp.rect.width - fp.rect.x;
      const dst = (y - ry) * rw - rx;
      for (let x = clip.x; x < clip.x + clip.width; x++) {
        if (!fp.mask[src + x]) continue;
        labels[dst + x] = value;
        instances[dst + x] = id;
      }
    }
  }
  if (opts.instanceGap) carveInstanceGaps(labels, instances, rw, rh, opts.gapLabel ?? 0);
  return { region, labels, instances, instanceIds };
}

export function sortForPainting<T extends { order: number; id: string }>(shapes: readonly T[]): T[] {
  return [...shapes].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Pixels of instance a that 4-touch an instance b < a (painted earlier) become gap pixels. */
function carveInstanceGaps(labels: Uint16Array, inst: Int32Array, w: number, h: number, gapLabel: number): void {
  const gap: number[] = [];
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const i = row + x;
      const a = inst[i]!;
      if (a === 0) continue;
      let b: number;
      if (
        (x > 0 && (b = inst[i - 1]!) !== 0 && b < a) ||
        (x < w - 1 && (b = inst[i + 1]!) !== 0 && b < a) ||
        (y > 0 && (b = inst[i - w]!) !== 0 && b < a) ||
        (y < h - 1 && (b = inst[i + w]!) !== 0 && b < a)
      ) {
        gap.push(i);
      }
    }
  }
  for (const i of gap) {
    inst[i] = 0;
    labels[i] = gapLabel;
  }
}
