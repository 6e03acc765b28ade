import type { AnnotationShape } from './types';

/** Rows of a mask as strings ('.' = 0, otherwise the value's last digit) for exact-pixel assertions. */
export function maskRows(mask: ArrayLike<number>, width: number): string[] {
  const rows: string[] = [];
  for (let i = 0; i < mask.length; i += width) {
    let s = '';
    for (let x = 0; x < width; x++) {
      const v = mask[i + x]!;
      s += v === 0 ? '.' : String(v % 10);
    }
    rows.push(s);
  }
  return rows;
}

let n = 0;
export function brush(points: number[], width: number, classIndex = 1, order = ++n): AnnotationShape {
  return { id: `b${order}`, kind: 'brush', classIndex, order, geometry: { type: 'polyline', points, width } };
}
export function eraser(points: number[], width: number, order = ++n): AnnotationShape {
  return { id: `e${order}`, kind: 'eraser', classIndex: 0, order, geometry: { type: 'polyline', points, width } };
}
export function polygon(rings: number[][], classIndex = 1, order = ++n): AnnotationShape {
  return { id: `p${order}`, kind: 'polygon', classIndex, order, geometry: { type: 'polygon', rings } };
}
export function instance(rings: number[][], classIndex = 1, order = ++n): AnnotationShape {
  return { id: `i${order}`, kind: 'instance', classIndex, order, geometry: { type: 'polygon', rings } };
}
/** An axis-aligned rectangle ring covering pixels x0…x1-1, y0…y1-1 exactly. */
export function box(x0: number, y0: number, x1: number, y1: number): number[] {
  return [x0, y0, x1, y0, x1, y1, x0, y1];
}
