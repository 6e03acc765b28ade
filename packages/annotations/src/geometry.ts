import type { Bounds, Geometry, Rect } from './types';

/** Continuous bounds of a geometry, including the brush radius of a polyline. */
export function geometryBounds(g: Geometry): Bounds {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const rings = g.type === 'polyline' ? [g.points] : g.rings;
  for (const p of rings) {
    for (let i = 0; i + 1 < p.length; i += 2) {
      const x = p[i]!, y = p[i + 1]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  const r = g.type === 'polyline' ? g.width / 2 : 0;
  return { minX: minX - r, minY: minY - r, maxX: maxX + r, maxY: maxY + r };
}

/**
 * The pixels whose centres can fall inside `b` (plus the pixels holding its corners), clipped to `clip`; null when
 * empty. The result is a pixel rectangle [x, x + width) × [y, y + height).
 */
export function pixelRect(b: Bounds, clip: Rect): Rect | null {
  const x0 = Math.max(clip.x, Math.floor(b.minX));
  const y0 = Math.max(clip.y, Math.floor(b.minY));
  const x1 = Math.min(clip.x + clip.width, Math.floor(b.maxX) + 1);
  const y1 = Math.min(clip.y + clip.height, Math.floor(b.maxY) + 1);
  if (x1 <= x0 || y1 <= y0) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export function intersectRect(a: Rect, b: Rect): Rect | null {
  const x0 = Math.max(a.x, b.x), y0 = Math.max(a.y, b.y);
  const x1 = Math.min(a.x + a.width, b.x + b.width), y1 = Math.min(a.y + a.height, b.y + b.height);
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

export function boundsIntersect(a: Bounds, b: Bounds): boolean {
  return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

/** Squared distance from (px, py) to the segment (ax, ay)–(bx, by). */
export function segmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const ex = ax + t * dx - px, ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/** Even-odd point-in-polygon test over all rings (outline + holes). */
export function pointInPolygon(x: number, y: number, rings: readonly (readonly number[])[]): boolean {
  let inside = false;
  for (const p of rings) {
    const n = p.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = p[2 * i]!, yi = p[2 * i + 1]!, xj = p[2 * j]!, yj = p[2 * j + 1]!;
      if (yi <= y !== yj <= y) {
        const xc = xi + ((y - yi) * (xj - xi)) / (yj - yi);
        if (x < xc) inside = !inside;
      }
    }
  }
  return inside;
}

/** Signed area of a flat ring (shoelace; positive when counter-clockwise in a y-down image is clockwise on screen). */
export function ringArea(p: readonly number[]): number {
  let a = 0;
  const n = p.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) a += p[2 * j]! * p[2 * i + 1]! - p[2 * i]! * p[2 * j + 1]!;
  return a / 2;
}
