import { describe, expect, it } from 'vitest';
import { calculateTiles1D } from './tiles-1d';
import { TilingError } from './errors';

const t = (left: number, width: number, leftBorder: number, rightBorder: number) => ({ left, width, leftBorder, rightBorder });

// Published vectors from ../shared/spec/cztile.md
const VECTORS: [number, number, number, ReturnType<typeof t>[]][] = [
  [3675, 1024, 128, [t(0, 844, 0, 180), t(844, 663, 181, 180), t(1507, 662, 181, 181), t(2169, 663, 180, 181), t(2832, 843, 181, 0)]],
  [2755, 1024, 128, [t(0, 801, 0, 223), t(801, 577, 224, 223), t(1378, 577, 224, 223), t(1955, 800, 224, 0)]],
  [1025, 1024, 4, [t(0, 513, 0, 511), t(513, 512, 512, 0)]],
  [2048, 1024, 4, [t(0, 768, 0, 256), t(768, 512, 256, 256), t(1280, 768, 256, 0)]],
  [1000, 1024, 4, [t(0, 1000, 12, 12)]],
  [1024, 1024, 4, [t(0, 1024, 0, 0)]],
  [600, 512, 32, [t(0, 300, 0, 212), t(300, 300, 212, 0)]],
  [5000, 512, 32, [t(0, 460, 0, 52), ...Array.from({ length: 10 }, (_, k) => t(460 + 408 * k, 408, 52, 52)), t(4540, 460, 52, 0)]],
  [100, 10, 2, [t(0, 8, 0, 2), ...Array.from({ length: 14 }, (_, k) => t(8 + 6 * k, 6, 2, 2)), t(92, 8, 2, 0)]],
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let r = Math.imul(s ^ (s >>> 15), 1 | s);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

describe('calculateTiles1D', () => {
  it.each(VECTORS)('matches the published vector (%i, %i, %i)', (W, w, d, expected) => {
    expect(calculateTiles1D(W, { tileLength: w, minBorder: d })).toEqual(expected);
  });

  it('gives no tiles for an empty image', () => {
    expect(calculateTiles1D(0, { tileLength: 16, minBorder: 2 })).toEqual([]);
  });

  it('holds its properties on 3000 random inputs', () => {
    const rand = rng(42);
    for (let n = 0; n < 3000; n++) {
      const w = 1 + Math.floor(rand() * 600);
      const d = Math.floor(rand() * ((w - 1) / 2 + 1)) ;
      if (2 * d >= w) continue;
      const W = 1 + Math.floor(rand() * 6000);
      const tiles = calculateTiles1D(W, { tileLength: w, minBorder: d });
      let next = 0;
      const bad: string[] = [];
      tiles.forEach((tile, k) => {
        const where = `(${W}, ${w}, ${d}) tile ${k}`;
        if (tile.left !== next || tile.width <= 0) bad.push(`${where}: centres do not cover exactly once`);
        next = tile.left + tile.width;
        if (tile.leftBorder + tile.width + tile.rightBorder !== w) bad.push(`${where}: roi length != tile length`);
        if (W >= w) {
          if (k > 0 ? tile.leftBorder < d : tile.leftBorder !== 0) bad.push(`${where}: left border`);
          if (k < tiles.length - 1 ? tile.rightBorder < d : tile.rightBorder !== 0) bad.push(`${where}: right border`);
        }
      });
      expect(bad).toEqual([]);
      expect(next).toBe(W);
    }
  });

  it.each([
    [{ tileLength: 0, minBorder: 0 }, 'Total tile length must be greater than zero.', 'TILE_LENGTH_NOT_POSITIVE'],
    [{ tileLength: -4, minBorder: 0 }, 'Total tile length must be greater than zero.', 'TILE_LENGTH_NOT_POSITIVE'],
    [{ tileLength: 10, minBorder: -1 }, 'Minimum border length cannot be negative.', 'BORDER_NEGATIVE'],
    [{ tileLength: 10, minBorder: 5 }, 'Minimum border length must be less than half the tile length.', 'BORDER_TOO_LARGE'],
    [{ tileLength: 10.5, minBorder: 1 }, 'Total tile length must be an integer.', 'NOT_INTEGER'],
    [{ tileLength: 10, minBorder: 1.5 }, 'Minimum border length must be an integer.', 'NOT_INTEGER'],
  ])('rejects %o with cztile\'s message', (opts, message, code) => {
    const call = () => calculateTiles1D(100, opts);
    expect(call).toThrow(TilingError);
    expect(call).toThrow(message);
    try { call(); } catch (e) { expect((e as TilingError).code).toBe(code); }
  });
});
