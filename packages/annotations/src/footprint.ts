import { geometryBounds, pixelRect, segmentDistance2 } from './geometry';
import type { Geometry, Polygon, Polyline, Rect } from './types';

/** A binary mask over a pixel rectangle of the image: mask[(y - rect.y) * rect.width + (x - rect.x)]. */
export interface Footprint {
  rect: Rect;
  mask: Uint8Array;
}

/**
 * The pixels a geometry covers, clipped to `clip`. Exact rules:
 * - polyline of width w: pixels whose centre lies within w/2 (inclusive) of the polyline, plus every pixel that
 *   contains one of its points (so thin brushes never vanish);
 * - polygon: pixels whose centre is inside by the even-odd rule over all rings; a centre exactly on a left edge is
 *   inside, on a right edge outside (half-open spans), on a horizontal edge: inside when the edge is the top.
 * `fillHoles` also sets every pixel not connected (4-neighbourhood) to the rectangle's border through unset pixels.
 */
export function rasteriseFootprint(g: Geometry, clip: Rect, fillHoles = false): Footprint | null {
  const rect = pixelRect(geometryBounds(g), clip);
  if (!rect) return null;
  const mask = new Uint8Array(rect.width * rect.height);
  if (g.type === 'polyline') drawPolyline(g, rect, mask);
  else drawPolygon(g, rect, mask);
  if (fillHoles) fillEnclosed(mask, rect.width, rect.height);
  return { rect, mask };
}

function drawPolyline(g: Polyline, rect: Rect, mask: Uint8Array): void {
  const r = g.width / 2, r2 = r * r;
  const p = g.points;
  const n = p.length / 2;
  const { x: rx, y: ry, width: rw, height: rh } = rect;
  for (let s = 0; s < Math.max(1, n - 1); s++) {
    const ax = p[2 * s]!, ay = p[2 * s + 1]!;
    const bx = n > 1 ? p[2 * s + 2]! : ax, by = n > 1 ? p[2 * s + 3]! : ay;
    const x0 = Math.max(rx, Math.floor(Math.min(ax, bx) - r)), x1 = Math.min(rx + rw - 1, Math.floor(Math.max(ax, bx) + r));
    const y0 = Math.max(ry, Math.floor(Math.min(ay, by) - r)), y1 = Math.min(ry + rh - 1, Math.floor(Math.max(ay, by) + r));
    for (let y = y0; y <= y1; y++) {
      const row = (y - ry) * rw - rx;
      const cy = y + 0.5;
      for (let x = x0; x <= x1; x++) {
        if (mask[row + x]) continue;
        if (segmentDistance2(x + 0.5, cy, ax, ay, bx, by) <= r2) mask[row + x] = 1;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const x = Math.floor(p[2 * i]!), y = Math.floor(p[2 * i + 1]!);
    if (x >= rx && x < rx + rw && y >= ry && y < ry + rh) mask[(y - ry) * rw + (x - rx)] = 1;
  }
}

function drawPolygon(g: Polygon, rect: Rect, mask: Uint8Array): void {
  const { x: rx, y: ry, width: rw, height: rh } = rect;
  const xs: number[] = [];
  for (let y = ry; y < ry + rh; y++) {
    const cy = y + 0.5;
    xs.length = 0;
    for (const p of g.rings) {
      const n = p.length / 2;
      for (let i = 0, j = n - 1; i < n; j = i++) {
        const yi = p[2 * i + 1]!, yj = p[2 * j + 1]!;
        if (yi <= cy !== yj <= cy) {
          const xi = p[2 * i]!, xj = p[2 * j]!;
          xs.push(xi + ((cy - yi) * (xj - xi)) / (yj - yi));
        }
      }
    }
    if (xs.length < 2) continue;
    xs.sort((a, b) => a - b);
    const row = (y - ry) * rw - rx;
    for (let k = 0; k + 1 < xs.length; k += 2) {
      // centres cx = x + 0.5 with a <= cx < b
      const from = Math.max(rx, Math.ceil(xs[k]! - 0.5));
      const to = Math.min(rx + rw, Math.ceil(xs[k + 1]! - 0.5));
      for (let x = from; x < to; x++) mask[row + x] = 1;
    }
  }
}

/** Sets every 0-pixel that cannot reach the border through 0-pixels (4-connectivity). */
export function fillEnclosed(mask: Uint8Array, w: number, h: number): void {
  const outside = new Uint8Array(w * h);
  const stack: number[] = [];
  const push = (i: number) => {
    if (!mask[i] && !outside[i]) {
      outside[i] = 1;
      stack.push(i);
    }
  };
  for (let x = 0; x < w; x++) {
    push(x);
    push((h - 1) * w + x);
  }
  for (let y = 0; y < h; y++) {
    push(y * w);
    push(y * w + w - 1);
  }
  while (stack.length) {
    const i = stack.pop()!;
    const x = i % w;
    if (x > 0) push(i - 1);
    if (x < w - 1) push(i + 1);
    if (i >= w) push(i - w);
    if (i < w * (h - 1)) push(i + w);
  }
  for (let i = 0; i < mask.length; i++) if (!outside[i]) mask[i] = 1;
}
