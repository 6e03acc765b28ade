import { describe, expect, it } from 'vitest';
import { SpatialIndex } from './spatial-index';

function rand(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('SpatialIndex', () => {
  it('matches a brute-force scan for random boxes, queries, removals and updates', () => {
    const r = rand(7);
    const idx = new SpatialIndex(64);
    const all = new Map<string, { minX: number; minY: number; maxX: number; maxY: number }>();
    const make = () => {
      const x = r() * 4000 - 100, y = r() * 3000 - 100, w = r() < 0.01 ? 3000 : r() * 80, h = r() * 80;
      return { minX: x, minY: y, maxX: x + w, maxY: y + h };
    };
    for (let i = 0; i < 3000; i++) {
      const b = make();
      all.set(`a${i}`, b);
      idx.insert(`a${i}`, b);
    }
    for (let i = 0; i < 500; i++) {
      idx.remove(`a${i}`);
      all.delete(`a${i}`);
    }
    for (let i = 500; i < 800; i++) {
      const b = make();
      all.set(`a${i}`, b);
      idx.insert(`a${i}`, b);
    }
    expect(idx.size).toBe(all.size);
    for (let q = 0; q < 200; q++) {
      const x = r() * 4000, y = r() * 3000, w = r() < 0.1 ? 5000 : r() * 500, h = r() * 500;
      const query = { minX: x, minY: y, maxX: x + w, maxY: y + h };
      const want = [...all].filter(([, b]) => b.minX <= query.maxX && query.minX <= b.maxX && b.minY <= query.maxY && query.minY <= b.maxY).map(([id]) => id);
      expect(idx.search(query).sort()).toEqual(want.sort());
    }
  });

  it('a removed id is gone; touching bounds count as intersecting', () => {
    const idx = new SpatialIndex();
    idx.insert('a', { minX: 0, minY: 0, maxX: 10, maxY: 10 });
    expect(idx.search({ minX: 10, minY: 10, maxX: 20, maxY: 20 })).toEqual(['a']);
    expect(idx.remove('a')).toBe(true);
    expect(idx.search({ minX: 0, minY: 0, maxX: 20, maxY: 20 })).toEqual([]);
    expect(idx.remove('a')).toBe(false);
  });
});
