/** BBBC039 loading for bench:training: images (uint16 → /65535), instance ground truth, full and partial labels. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readImage } from '@tessera/imaging';
import { labelComponents } from '@tessera/inference';
import { Rng } from '../src/train/rng';

export const DATA_DIR = '../../../shared/data/nuclei-bbbc039';

export interface Bbbc039Image {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  /** Raw uint16 pixels (for packages/inference). */
  readonly raw: Uint16Array;
  /** Pixels / 65535 (what a consumer feeds the model). */
  readonly data: Float32Array;
  /** Ground-truth instances (0 = background). */
  readonly instances: Int32Array;
  readonly count: number;
}

export function loadBbbc039(dir = DATA_DIR): Bbbc039Image[] {
  const names = readdirSync(join(dir, 'images')).filter((f) => f.endsWith('.tif')).sort();
  return names.map((file) => {
    const img = readImage(readFileSync(join(dir, 'images', file))).planes[0]!;
    const mask = readImage(readFileSync(join(dir, 'masks', file.replace(/\.tif$/, '.png')))).planes[0]!;
    const { width: w, height: h } = img;
    const raw = Uint16Array.from(img.data as ArrayLike<number>);
    const data = Float32Array.from(raw, (v) => v / 65535);
    const r = new Uint8Array(w * h);
    for (let i = 0; i < w * h; i++) r[i] = mask.data[i * mask.channels] as number;
    // Instances: connected components of each non-zero R value.
    const instances = new Int32Array(w * h);
    let count = 0;
    for (let v = 1; v <= 255; v++) {
      const sel = new Uint8Array(w * h);
      let any = false;
      for (let i = 0; i < w * h; i++) if (r[i] === v) { sel[i] = 1; any = true; }
      if (!any) continue;
      const cc = labelComponents(sel, w, h, 8);
      for (let i = 0; i < w * h; i++) if (cc.labels[i]) instances[i] = (cc.labels[i] as number) + count;
      count += cc.count;
    }
    return { name: file, width: w, height: h, raw, data, instances, count };
  });
}

/**
 * Partial labels as a user would draw them: `fraction` of the nuclei (seeded choice) and `strokes` background
 * brush strokes (radius 4 px) that keep 3 px away from every nucleus.
 */
export function partialSelection(img: Bbbc039Image, seed: number, fraction = 0.2, strokes = 8): { keep: (id: number) => boolean; background: (i: number) => boolean } {
  const rng = new Rng(seed);
  const ids = Array.from({ length: img.count }, (_, i) => i + 1);
  for (let i = ids.length - 1; i > 0; i--) { const j = rng.int(i + 1); [ids[i], ids[j]] = [ids[j]!, ids[i]!]; }
  const kept = new Set(ids.slice(0, Math.max(1, Math.round(fraction * img.count))));
  const { width: w, height: h, instances } = img;
  const nearNucleus = (x: number, y: number): boolean => {
    for (let dy = -3; dy <= 3; dy++) for (let dx = -3; dx <= 3; dx++) {
      const yy = y + dy, xx = x + dx;
      if (yy >= 0 && xx >= 0 && yy < h && xx < w && instances[yy * w + xx]) return true;
    }
    return false;
  };
  const bg = new Uint8Array(w * h);
  for (let s = 0; s < strokes; s++) {
    let x = rng.uniform(0, w), y = rng.uniform(0, h);
    const angle = rng.uniform(0, 2 * Math.PI), len = rng.uniform(80, 200);
    for (let t = 0; t < len; t++) {
      x += Math.cos(angle); y += Math.sin(angle);
      for (let dy = -4; dy <= 4; dy++) for (let dx = -4; dx <= 4; dx++) {
        const yy = Math.round(y) + dy, xx = Math.round(x) + dx;
        if (dx * dx + dy * dy > 16 || yy < 0 || xx < 0 || yy >= h || xx >= w) continue;
        if (!instances[yy * w + xx] && !nearNucleus(xx, yy)) bg[yy * w + xx] = 1;
      }
    }
  }
  return { keep: (id) => kept.has(id), background: (i) => bg[i] === 1 };
}
