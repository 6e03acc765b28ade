import { writePng, type Raster } from '@tessera/imaging';

export interface ThumbnailChannel {
  color: string;
  contrast: [number, number];
}

const hexRgb = (hex: string): [number, number, number] => {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return Number.isFinite(n) ? [(n >> 16) & 255, (n >> 8) & 255, n & 255] : [255, 255, 255];
};

/**
 * An 8-bit RGB PNG preview (longest side ≤ maxSide, nearest-neighbour) that composites channels additively with
 * their colours and contrast windows: the same rule the viewer's shader uses.
 */
export function makeThumbnail(raster: Raster, channels: ThumbnailChannel[], maxSide = 256): Uint8Array {
  const { width, height, channels: C, data } = raster;
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const ow = Math.max(1, Math.round(width * scale));
  const oh = Math.max(1, Math.round(height * scale));
  const out = new Uint8Array(ow * oh * 3);
  const colors = channels.map((c) => hexRgb(c.color));
  for (let y = 0; y < oh; y++) {
    const sy = Math.min(height - 1, Math.floor((y + 0.5) / scale));
    for (let x = 0; x < ow; x++) {
      const sx = Math.min(width - 1, Math.floor((x + 0.5) / scale));
      const acc = [0, 0, 0];
      for (let c = 0; c < C; c++) {
        const ch = channels[c];
        if (!ch) continue;
        const [lo, hi] = ch.contrast;
        const v = data[(sy * width + sx) * C + c]!;
        const f = hi > lo ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : v > lo ? 1 : 0;
        const col = colors[c]!;
        for (let k = 0; k < 3; k++) acc[k]! += f * col[k]!;
      }
      const o = (y * ow + x) * 3;
      for (let k = 0; k < 3; k++) out[o + k] = Math.min(255, Math.round(acc[k]!));
    }
  }
  return writePng({ width: ow, height: oh, channels: 3, dtype: 'uint8', data: out });
}

/** Default channel colours: grey for one channel, then the usual fluorescence palette. */
export function defaultColors(n: number): string[] {
  if (n === 1) return ['#ffffff'];
  const palette = ['#00ff00', '#ff00ff', '#00ffff', '#ff0000', '#0000ff', '#ffff00', '#ffffff'];
  if (n === 3) return ['#ff0000', '#00ff00', '#0000ff'];
  return Array.from({ length: n }, (_, i) => palette[i % palette.length]!);
}
