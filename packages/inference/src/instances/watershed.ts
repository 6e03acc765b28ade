import { neighbourTable } from './neighbours';

/** Priority levels of the hierarchical queue: priorities are quantised to this many steps over their range. */
const LEVELS = 65536;

/**
 * Seeded watershed by flooding (Meyer, hierarchical FIFO queue): markers (> 0) grow into `mask` pixels in increasing
 * `priority` (quantised to 1/65536 of its range), each pixel taking the label of the neighbour that reached it first;
 * equal priorities are served first-in first-out. Returns the label image.
 */
export function watershed(
  priority: ArrayLike<number>, markers: Int32Array, mask: ArrayLike<number>, width: number, height: number,
  connectivity: 4 | 8 = 8,
): Int32Array {
  const n = width * height;
  const labels = Int32Array.from(markers);
  let lo = Infinity, hi = -Infinity;
  for (let p = 0; p < n; p++) {
    if (mask[p] === 0 && markers[p] === 0) continue;
    const v = priority[p]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return labels;
  const scale = hi > lo ? (LEVELS - 1) / (hi - lo) : 0;
  const head = new Int32Array(LEVELS).fill(-1);
  const tail = new Int32Array(LEVELS).fill(-1);
  const next = new Int32Array(n);
  const queued = new Uint8Array(n);
  let level = 0;
  const push = (p: number) => {
    let k = Math.floor((priority[p]! - lo) * scale);
    if (k < level) k = level; // never below the level being flooded
    next[p] = -1;
    if (tail[k]! < 0) head[k] = p; else next[tail[k]!] = p;
    tail[k] = p;
  };
  for (let p = 0; p < n; p++) if (labels[p]! > 0) { queued[p] = 1; push(p); }
  const { dx, dy, off, n: nn } = neighbourTable(connectivity, width);
  for (level = 0; level < LEVELS; level++) {
    while (head[level]! >= 0) {
      const q = head[level]!;
      head[level] = next[q]!;
      if (head[level]! < 0) tail[level] = -1;
      const x = q % width, y = (q - x) / width;
      const l = labels[q]!;
      const inner = x > 0 && y > 0 && x < width - 1 && y < height - 1;
      for (let k = 0; k < nn; k++) {
        if (!inner) {
          const nx = x + dx[k]!, ny = y + dy[k]!;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
        }
        const r = q + off[k]!;
        if (labels[r] !== 0 || queued[r] || mask[r] === 0) continue;
        labels[r] = l;
        queued[r] = 1;
        push(r);
      }
    }
  }
  return labels;
}
