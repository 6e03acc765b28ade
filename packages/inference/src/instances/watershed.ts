import { neighbourOffsets } from './neighbours';
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
  const nb = neighbourOffsets(connectivity);
  const visit = (q: number) => {
    const x = q % width, y = (q - x) / width;
    const l = labels[q]!;
    for (const [dx, dy] of nb) {
      const nx = x + dx, ny = y + dy;
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const r = ny * width + nx;
      if (labels[r] !== 0 || queued[r] || mask[r] === 0) continue;
      labels[r] = l;
      queued[r] = 1;
      heap.push(r, priority[r]!);
    }
  };
  for (let p = 0; p < labels.length; p++) if (labels[p]! > 0) { queued[p] = 1; heap.push(p, priority[p]!); }
  while (heap.size > 0) visit(heap.pop());
  return labels;
}
