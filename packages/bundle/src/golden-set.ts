import type { Raster } from '@tessera/inference';

export interface GoldenTile {
  name: string;
  raster: Raster;
}

export const GOLDEN_TILE_SIZE = 256;
export const GOLDEN_MAX_TILES = 4;

/** A centred crop of at most size x size pixels. */
export function centreCrop(r: Raster, size = GOLDEN_TILE_SIZE): Raster {
  const w = Math.min(size, r.width);
  const h = Math.min(size, r.height);
  const x0 = Math.floor((r.width - w) / 2);
  const y0 = Math.floor((r.height - h) / 2);
  const C = r.channels;
  const data = new (r.data.constructor as new (n: number) => Raster['data'])(w * h * C);
  for (let y = 0; y < h; y++) {
    const from = ((y0 + y) * r.width + x0) * C;
    data.set(r.data.subarray(from, from + w * C), y * w * C);
  }
  return { width: w, height: h, channels: C, dtype: r.dtype, data };
}

/**
 * Deterministic synthetic tiles (bright blobs on a dim noisy background, uint16) for projects that have no images
 * yet; the same seed always gives the same pixels.
 */
export function syntheticTiles(channels: number, count = 2, size = 192): GoldenTile[] {
  let s = 0x2545f491;
  const rand = () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32);
  const tiles: GoldenTile[] = [];
  for (let t = 0; t < count; t++) {
    const data = new Uint16Array(size * size * channels);
    const blobs = Array.from({ length: 12 }, () => ({ x: rand() * size, y: rand() * size, r: 6 + rand() * 12 }));
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        let v = 200 + rand() * 150;
        for (const b of blobs) if ((x - b.x) ** 2 + (y - b.y) ** 2 < b.r ** 2) v += 2500;
        for (let c = 0; c < channels; c++) data[(y * size + x) * channels + c] = Math.min(65535, Math.round(v));
      }
    }
    tiles.push({ name: `synthetic-${t}`, raster: { width: size, height: size, channels, dtype: 'uint16', data } });
  }
  return tiles;
}

/** Golden set: centre crops of the given project images (sorted by name, at most 4), else synthetic tiles. */
export function goldenTiles(images: { name: string; raster: Raster }[], channels: number): { tiles: GoldenTile[]; description: string } {
  const picked = [...images].sort((a, b) => a.name.localeCompare(b.name)).slice(0, GOLDEN_MAX_TILES);
  if (picked.length === 0) return { tiles: syntheticTiles(channels), description: 'synthetic (the project has no images yet): 2 tiles 192x192 uint16, fixed seed' };
  return {
    tiles: picked.map((i) => ({ name: i.name, raster: centreCrop(i.raster) })),
    description: `centre ${GOLDEN_TILE_SIZE}x${GOLDEN_TILE_SIZE} crops of ${picked.length} project image(s): ${picked.map((i) => i.name).join(', ')}`,
  };
}
