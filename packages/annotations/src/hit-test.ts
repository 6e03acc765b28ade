import { geometryBounds, pointInPolygon, segmentDistance2 } from './geometry';
import type { AnnotationShape } from './types';

/** Whether image point (x, y) lies on a shape (within `tolerance` pixels of a stroke's edge). */
export function hitTest(s: Pick<AnnotationShape, 'geometry'>, x: number, y: number, tolerance = 0): boolean {
  const g = s.geometry;
  const b = geometryBounds(g);
  if (x < b.minX - tolerance || x > b.maxX + tolerance || y < b.minY - tolerance || y > b.maxY + tolerance) return false;
  if (g.type === 'polygon') return pointInPolygon(x, y, g.rings);
  const r = g.width / 2 + tolerance, p = g.points, n = p.length / 2;
  for (let i = 0; i < Math.max(1, n - 1); i++) {
    const j = n > 1 ? i + 1 : i;
    if (segmentDistance2(x, y, p[2 * i]!, p[2 * i + 1]!, p[2 * j]!, p[2 * j + 1]!) <= r * r) return true;
  }
  return false;
}

/**
 * Drops points closer than `minStep` to the last kept point (pointer events arrive far faster than a brush needs);
 * keeps the first and last point so the stroke ends where the pen lifted.
 */
export function simplifyPolyline(points: readonly number[], minStep: number): number[] {
  if (points.length <= 4) return [...points];
  const out = [points[0]!, points[1]!];
  const m2 = minStep * minStep;
  for (let i = 2; i < points.length - 2; i += 2) {
    const dx = points[i]! - out[out.length - 2]!, dy = points[i + 1]! - out[out.length - 1]!;
    if (dx * dx + dy * dy >= m2) out.push(points[i]!, points[i + 1]!);
  }
  out.push(points[points.length - 2]!, points[points.length - 1]!);
  return out;
}
