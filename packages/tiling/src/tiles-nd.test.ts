import { describe, expect, it } from 'vitest';
import { calculateTiles2D } from './tiles-2d';
import { calculateTiles3D } from './tiles-3d';
import { calculateTiles1D } from './tiles-1d';

describe('calculateTiles2D', () => {
  it('matches the published 2D vector (1960 x 1416, tiles 1200 x 1000, border 128)', () => {
    const tiles = calculateTiles2D({ x: 0, y: 0, w: 1960, h: 1416 }, { tileWidth: 1200, tileHeight: 1000, minBorder: 128 });
    expect(tiles.map((t) => t.roi)).toEqual([
      { x: 0, y: 0, w: 1200, h: 1000 }, { x: 0, y: 416, w: 1200, h: 1000 },
      { x: 760, y: 0, w: 1200, h: 1000 }, { x: 760, y: 416, w: 1200, h: 1000 },
    ]);
    expect(tiles.map((t) => t.center)).toEqual([
      { x: 0, y: 0, w: 980, h: 708 }, { x: 0, y: 708, w: 980, h: 708 },
      { x: 980, y: 0, w: 980, h: 708 }, { x: 980, y: 708, w: 980, h: 708 },
    ]);
    expect(tiles[0]?.border).toEqual({ left: 0, top: 0, right: 220, bottom: 292 });
  });

  it('offsets by the region origin, x outer and y inner, and gives nothing for an empty region', () => {
    const tiles = calculateTiles2D({ x: 10, y: 20, w: 100, h: 30 }, { tileWidth: 40, tileHeight: 16, minBorder: { x: 4, y: 2 } });
    const xs = calculateTiles1D(100, { tileLength: 40, minBorder: 4 });
    const ys = calculateTiles1D(30, { tileLength: 16, minBorder: 2 });
    expect(tiles).toHaveLength(xs.length * ys.length);
    expect(tiles[1]?.center.x).toBe(10);
    expect(tiles[1]?.center.y).toBe(20 + (ys[1]?.left ?? NaN));
    const covered = new Uint8Array(100 * 30);
    for (const t of tiles) {
      expect(t.roi.w).toBe(40);
      expect(t.roi.h).toBe(16);
      for (let y = t.center.y; y < t.center.y + t.center.h; y++) {
        for (let x = t.center.x; x < t.center.x + t.center.w; x++) covered[(y - 20) * 100 + (x - 10)]! += 1;
      }
    }
    expect(covered.every((v) => v === 1)).toBe(true);
    expect(calculateTiles2D({ x: 0, y: 0, w: 0, h: 50 }, { tileWidth: 8, tileHeight: 8, minBorder: 1 })).toEqual([]);
  });

  it('rejects bad options and regions', () => {
    expect(() => calculateTiles2D({ x: 0, y: 0, w: 10, h: 10 }, { tileWidth: 8, tileHeight: 8, minBorder: 4 }))
      .toThrow('Minimum border length must be less than half the tile length.');
    expect(() => calculateTiles2D({ x: 0.5, y: 0, w: 10, h: 10 }, { tileWidth: 8, tileHeight: 8, minBorder: 1 }))
      .toThrow('Region x must be an integer.');
    expect(() => calculateTiles2D({ x: 0, y: 0, w: -1, h: 10 }, { tileWidth: 8, tileHeight: 8, minBorder: 1 }))
      .toThrow(/cannot be negative/);
  });
});

describe('calculateTiles3D', () => {
  it('is the product of three 1D tilings with z innermost', () => {
    const tiles = calculateTiles3D({ x: 0, y: 0, z: 0, w: 1960, h: 1416, d: 20 },
      { tileWidth: 1200, tileHeight: 1000, tileDepth: 8, minBorder: { x: 128, y: 128, z: 1 } });
    const zs = calculateTiles1D(20, { tileLength: 8, minBorder: 1 });
    expect(tiles).toHaveLength(4 * zs.length);
    expect(tiles.slice(0, zs.length).map((t) => t.center.z)).toEqual(zs.map((z) => z.left));
    expect(tiles[zs.length]?.center).toMatchObject({ x: 0, y: 708, w: 980, h: 708 });
    for (const t of tiles) expect([t.roi.w, t.roi.h, t.roi.d]).toEqual([1200, 1000, 8]);
  });
});
