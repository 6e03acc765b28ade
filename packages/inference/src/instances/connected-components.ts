import { neighbourTable } from './neighbours';

/** Labels the connected components of `mask != 0` as 1..count (row-major order of first pixels). */
export function labelComponents(mask: ArrayLike<number>, width: number, height: number, connectivity: 4 | 8 = 8): { labels: Int32Array; count: number } {
  const labels = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  const { dx, dy, off, n } = neighbourTable(connectivity, width);
  let count = 0;
  for (let p = 0; p < width * height; p++) {
    if (mask[p] === 0 || labels[p] !== 0) continue;
    count++;
    labels[p] = count;
    let sp = 0;
    stack[sp++] = p;
    while (sp > 0) {
      const q = stack[--sp] as number;
      const x = q % width;
      const y = (q - x) / width;
      const inner = x > 0 && y > 0 && x < width - 1 && y < height - 1;
      for (let k = 0; k < n; k++) {
        if (!inner) {
          const nx = x + dx[k]!, ny = y + dy[k]!;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
        }
        const r = q + off[k]!;
        if (mask[r] !== 0 && labels[r] === 0) { labels[r] = count; stack[sp++] = r; }
      }
    }
  }
  return { labels, count };
}

/** Fills holes: background pixels not 4-connected to the image edge become foreground (like ndimage.binary_fill_holes). */
export function fillHoles(mask: Uint8Array, width: number, height: number): Uint8Array {
  const outside = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  let sp = 0;
  const edge: number[] = [];
  for (let x = 0; x < width; x++) edge.push(x, (height - 1) * width + x);
  for (let y = 0; y < height; y++) edge.push(y * width, y * width + width - 1);
  for (const p of edge) if (mask[p] === 0 && outside[p] === 0) { outside[p] = 1; stack[sp++] = p; }
  while (sp > 0) {
    const q = stack[--sp] as number;
    const x = q % width;
    let r: number;
    if (x > 0 && mask[r = q - 1] === 0 && outside[r] === 0) { outside[r] = 1; stack[sp++] = r; }
    if (x < width - 1 && mask[r = q + 1] === 0 && outside[r] === 0) { outside[r] = 1; stack[sp++] = r; }
    if (q >= width && mask[r = q - width] === 0 && outside[r] === 0) { outside[r] = 1; stack[sp++] = r; }
    if (q < (height - 1) * width && mask[r = q + width] === 0 && outside[r] === 0) { outside[r] = 1; stack[sp++] = r; }
  }
  const out = new Uint8Array(width * height);
  for (let p = 0; p < out.length; p++) out[p] = outside[p] ? 0 : 1;
  return out;
}

/** Removes objects smaller than minSize and renumbers the rest 1..n in order of first appearance. */
export function relabelSequential(labels: Int32Array, minSize = 0): { labels: Int32Array; count: number } {
  let max = 0;
  for (let p = 0; p < labels.length; p++) if ((labels[p] as number) > max) max = labels[p] as number;
  const area = new Int32Array(max + 1);
  for (let p = 0; p < labels.length; p++) area[labels[p] as number]!++;
  const map = new Int32Array(max + 1).fill(-1);
  map[0] = 0;
  let n = 0;
  const out = new Int32Array(labels.length);
  for (let p = 0; p < labels.length; p++) {
    const l = labels[p] as number;
    if (map[l] === -1) map[l] = (area[l] as number) >= minSize ? ++n : 0;
    out[p] = map[l] as number;
  }
  return { labels: out, count: n };
}
