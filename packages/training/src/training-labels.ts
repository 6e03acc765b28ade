import { rasteriseAnnotations } from '@tessera/annotations';
import type { AnnotationSnapshot, SnapshotImage } from './annotation-snapshot';

export const isBackgroundName = (name: string): boolean => /^(background|bg)$/i.test(name.trim());

/**
 * The training label map of one snapshot image through the annotation rasteriser (the same pixels as the export):
 * 0 = unlabelled, k = output class k − 1.
 * - semantic: output class k − 1 is the snapshot's k-th class (rasteriser label k).
 * - instance: 1 = background (pixels of a class named "background"), 2 = interior, 3 = boundary of an instance
 *   (object pixels with an 8-neighbour outside the object); other pixels stay unlabelled.
 */
export function trainingLabels(snapshot: AnnotationSnapshot, image: SnapshotImage): Uint8Array {
  const masks = rasteriseAnnotations(image.shapes, { width: image.width, height: image.height });
  const n = image.width * image.height;
  const out = new Uint8Array(n);
  if (snapshot.modelType === 'semantic') {
    const classes = snapshot.classes.length;
    for (let i = 0; i < n; i++) {
      const l = masks.labels[i] as number;
      out[i] = l <= classes ? l : 0;
    }
    return out;
  }
  const bg = new Set(snapshot.classes.filter((c) => isBackgroundName(c.name)).map((c) => c.index));
  const { instances: inst } = masks;
  const w = image.width, h = image.height;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const id = inst[i] as number;
      if (id === 0) {
        if (bg.has(masks.labels[i] as number)) out[i] = 1;
        continue;
      }
      let edge = false;
      for (let dy = -1; dy <= 1 && !edge; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy, xx = x + dx;
          if (yy < 0 || xx < 0 || yy >= h || xx >= w) continue;
          if (inst[yy * w + xx] !== id) {
            edge = true;
            break;
          }
        }
      }
      out[i] = edge ? 3 : 2;
    }
  }
  return out;
}

/** Labelled pixels per output class (index = class), for the run page and the checks. */
export function labelCounts(labels: Uint8Array, outputClasses: number): number[] {
  const counts = new Array<number>(outputClasses).fill(0);
  for (const l of labels) if (l > 0 && l <= outputClasses) counts[l - 1]!++;
  return counts;
}
