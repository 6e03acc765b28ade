import { neighbourTable } from './neighbours';

const QUANT = 16; // distance levels per pixel for ordering

/** Mask pixels ordered by decreasing value (counting sort on value quantised to 1/16). */
function orderDescending(values: Float32Array, mask: ArrayLike<number>): Int32Array {
  let max = 0;
  let n = 0;
  for (let p = 0; p < values.length; p++) if (mask[p] !== 0) { n++; if (values[p]! > max) max = values[p]!; }
  const levels = Math.ceil(max * QUANT) + 2;
  const count = new Int32Array(levels + 1);
  const key = (p: number) => levels - 1 - Math.min(levels - 1, Math.floor(values[p]! * QUANT));
  for (let p = 0; p < values.length; p++) if (mask[p] !== 0) count[key(p) + 1]!++;
  for (let k = 1; k <= levels; k++) count[k]! += count[k - 1]!;
  const order = new Int32Array(n);
  for (let p = 0; p < values.length; p++) if (mask[p] !== 0) order[count[key(p)]!++] = p;
  return order;
}

/**
 * Markers at the maxima of `values` whose dynamic is at least `dynamic`: pixels are merged in decreasing order
 * (union-find); where two regions meet, the one with the lower peak survives as a separate seed only if its peak
 * rises at least `dynamic` above the meeting level (the h-maxima criterion). Returns markers 1..count (one pixel each).
 */
export function findSeeds(
  values: Float32Array, mask: ArrayLike<number>, width: number, height: number, dynamic: number, connectivity: 4 | 8 = 8,
): { markers: Int32Array; count: number } {
  const order = orderDescending(values, mask);
  const parent = new Int32Array(width * height).fill(-1);
  const peak = new Float32Array(width * height);
  const find = (p: number): number => {
    let r = p;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[p] !== r) { const nx = parent[p]!; parent[p] = r; p = nx; }
    return r;
  };
  const { dx, dy, off, n } = neighbourTable(connectivity, width);
  const roots = new Int32Array(8);
  for (let i = 0; i < order.length; i++) {
    const p = order[i]!;
    const x = p % width, y = (p - x) / width;
    const inner = x > 0 && y > 0 && x < width - 1 && y < height - 1;
    let nr = 0;
    for (let k = 0; k < n; k++) {
      if (!inner) {
        const nx = x + dx[k]!, ny = y + dy[k]!;
        if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      }
      const q = p + off[k]!;
      if (parent[q] === -1) continue;
      const r = find(q);
      let seen = false;
      for (let j = 0; j < nr; j++) if (roots[j] === r) { seen = true; break; }
      if (!seen) roots[nr++] = r;
    }
    if (nr === 0) { parent[p] = p; peak[p] = values[p]!; continue; }
    let best = roots[0]!;
    for (let j = 1; j < nr; j++) if (peak[roots[j]!]! > peak[best]!) best = roots[j]!;
    parent[p] = best;
    const level = values[p]!;
    for (let j = 0; j < nr; j++) {
      const r = roots[j]!;
      if (r !== best && peak[r]! - level < dynamic) parent[r] = best; // not significant: merge into the higher one
    }
  }
  const markers = new Int32Array(width * height);
  let count = 0;
  for (let i = 0; i < order.length; i++) {
    const p = order[i]!;
    if (parent[p] === p) markers[p] = ++count;
  }
  return { markers, count };
}

/** In-place 3x3 mean of values inside the mask (outside pixels count as 0), `passes` times. */
export function smoothInMask(values: Float32Array, mask: ArrayLike<number>, width: number, height: number, passes: number): Float32Array {
  let cur = values;
  for (let k = 0; k < passes; k++) {
    const next = new Float32Array(cur.length);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const p = y * width + x;
        if (mask[p] === 0) continue;
        let s = 0;
        for (let dy = -1; dy <= 1; dy++) {
          const yy = y + dy;
          if (yy < 0 || yy >= height) continue;
          for (let dx = -1; dx <= 1; dx++) {
            const xx = x + dx;
            if (xx >= 0 && xx < width) s += cur[yy * width + xx]!;
          }
        }
        next[p] = s / 9;
      }
    }
    cur = next;
  }
  return cur;
}
