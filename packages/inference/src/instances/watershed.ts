import { neighbourTable } from './neighbours';
import { PixelHeap } from './pixel-heap';

/**
 * Seeded watershed by flooding (Meyer): markers (> 0) grow into `mask` pixels in increasing `priority`,
 * each pixel taking the label of the neighbour it was reached from. Returns the label image.
 */
export function watershed(
  priority: ArrayLike<number>, markers: Int32Array, mask: ArrayLike<number>, width: number, height: number,
  connectivity: 4 | 8 = 8,
): Int32Array {
  const labels = Int32Array.from(markers);
  const queued = new Uint8Array(width * height);
  const heap = new PixelHeap(Math.max(1024, width * 4));
  const { dx, dy, off, n } = neighbourTable(connectivity, width);
  for (let p = 0; p < labels.length; p++) if (labels[p]! > 0) { queued[p] = 1; heap.push(p, priority[p]!); }
  while (heap.size > 0) {
    const q = heap.pop();
    const x = q % width, y = (q - x) / width;
    const l = labels[q]!;
    const inner = x > 0 && y > 0 && x < width - 1 && y < height - 1;
    for (let k = 0; k < n; k++) {
      if (!inner) {
        const nx = x + dx[k]!, ny = y + dy[k]!;
        if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      }
      const r = q + off[k]!;
      if (labels[r] !== 0 || queued[r] || mask[r] === 0) continue;
      labels[r] = l;
      queued[r] = 1;
      heap.push(r, priority[r]!);
    }
  }
  return labels;
}
