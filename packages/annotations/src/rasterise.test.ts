import { describe, expect, it } from 'vitest';
import { rasteriseAnnotations } from './rasterise';
import { box, brush, eraser, instance, maskRows, polygon } from './test-helpers';

const W = 8, H = 6;
const labelsOf = (shapes: Parameters<typeof rasteriseAnnotations>[0], opts: Partial<Parameters<typeof rasteriseAnnotations>[1]> = {}) =>
  maskRows(rasteriseAnnotations(shapes, { width: W, height: H, ...opts }).labels, opts.region?.width ?? W);

describe('brush strokes', () => {
  it('a horizontal stroke of width 1 through pixel centres covers exactly that row', () => {
    expect(labelsOf([brush([1.5, 2.5, 5.5, 2.5], 1)])).toEqual([
      '........', '........', '.11111..', '........', '........', '........',
    ]);
  });
  it('a single click of width 2 paints a plus (centres at distance exactly 1 are inside)', () => {
    expect(labelsOf([brush([3.5, 2.5], 2, 2)])).toEqual([
      '........', '...2....', '..222...', '...2....', '........', '........',
    ]);
  });
  it('a thin stroke between pixel centres still labels the pixels holding its points', () => {
    expect(labelsOf([brush([2, 2], 0.5)])).toEqual([
      '........', '........', '..1.....', '........', '........', '........',
    ]);
  });
  it('a width-3 diagonal stroke is a capsule', () => {
    expect(labelsOf([brush([1.5, 1.5, 4.5, 4.5], 3)])).toEqual([
      '111.....', '1111....', '11111...', '.11111..', '..1111..', '...111..',
    ]);
  });
  it('clips at the image edge', () => {
    expect(labelsOf([brush([-3, 0.5, 20, 0.5], 1)])[0]).toBe('11111111');
  });
});

describe('polygons', () => {
  it('a box with integer corners covers exactly its pixels (left/top in, right/bottom out)', () => {
    expect(labelsOf([polygon([box(1, 1, 4, 3)], 3)])).toEqual([
      '........', '.333....', '.333....', '........', '........', '........',
    ]);
  });
  it('a hole (even-odd) stays unlabelled', () => {
    expect(labelsOf([polygon([box(0, 0, 5, 5), box(1, 1, 4, 4)])])).toEqual([
      '11111...', '1...1...', '1...1...', '1...1...', '11111...', '........',
    ]);
  });
  it('a triangle: only centres strictly left of the hypotenuse count (centres on it are on a right edge)', () => {
    expect(labelsOf([polygon([[0, 0, 6, 0, 0, 6]])])).toEqual([
      '11111...', '1111....', '111.....', '11......', '1.......', '........',
    ]);
  });
  it('fill holes fills the enclosed part of a ring drawn with a brush', () => {
    const ring = brush([1.5, 1.5, 5.5, 1.5, 5.5, 4.5, 1.5, 4.5, 1.5, 1.5], 1);
    expect(labelsOf([ring])).toEqual(['........', '.11111..', '.1...1..', '.1...1..', '.11111..', '........']);
    expect(labelsOf([{ ...ring, fillHoles: true }])).toEqual(['........', '.11111..', '.11111..', '.11111..', '.11111..', '........']);
  });
});

describe('overlaps and erasers', () => {
  it('later shapes win where they overlap; order, not array position, decides', () => {
    const a = polygon([box(0, 0, 4, 4)], 1, 10);
    const b = polygon([box(2, 2, 6, 6)], 2, 11);
    const rows = ['1111....', '1111....', '112222..', '112222..', '..2222..', '..2222..'];
    expect(labelsOf([a, b])).toEqual(rows);
    expect(labelsOf([b, a])).toEqual(rows);
  });
  it('an eraser unlabels what was painted before it, not what is painted after', () => {
    const a = polygon([box(0, 0, 8, 3)], 1, 1);
    const e = eraser([0, 1.5, 8, 1.5], 1, 2);
    const c = brush([6.5, 0, 6.5, 6], 1, 2, 3);
    expect(labelsOf([a, e, c])).toEqual(['11111121', '......2.', '11111121', '......2.', '......2.', '......2.']);
  });
  it('background is just another class (partial labels: untouched pixels stay 0)', () => {
    const bg = brush([0, 5.5, 8, 5.5], 1, 1);
    const cell = polygon([box(2, 1, 4, 3)], 2);
    expect(labelsOf([bg, cell])).toEqual(['........', '..22....', '..22....', '........', '........', '11111111']);
  });
});

describe('instances', () => {
  it('painting an instance over its neighbour does not merge them', () => {
    const m = rasteriseAnnotations([instance([box(0, 0, 4, 4)], 1, 1), instance([box(3, 1, 7, 5)], 1, 2)], { width: W, height: H });
    expect(maskRows(m.instances, W)).toEqual(['1111....', '1112222.', '1112222.', '1112222.', '...2222.', '........']);
    expect(maskRows(m.labels, W)).toEqual(['1111....', '1111111.', '1111111.', '1111111.', '...1111.', '........']);
    expect(m.instanceIds).toEqual(['i1', 'i2']);
  });
  it('instanceGap carves a one-pixel gap out of the later instance, labelled gapLabel', () => {
    const m = rasteriseAnnotations([instance([box(0, 0, 4, 4)], 2, 1), instance([box(3, 1, 7, 5)], 2, 2)], {
      width: W, height: H, instanceGap: true, gapLabel: 1,
    });
    expect(maskRows(m.instances, W)).toEqual(['1111....', '111.222.', '111.222.', '111.222.', '...2222.', '........']);
    expect(maskRows(m.labels, W)).toEqual(['2222....', '2221222.', '2221222.', '2221222.', '...2222.', '........']);
  });
  it('instances that already have a gap are untouched by instanceGap', () => {
    const shapes = [instance([box(0, 0, 2, 2)], 1, 1), instance([box(3, 0, 5, 2)], 1, 2)];
    const a = rasteriseAnnotations(shapes, { width: W, height: H });
    const b = rasteriseAnnotations(shapes, { width: W, height: H, instanceGap: true });
    expect(Array.from(b.instances)).toEqual(Array.from(a.instances));
  });
  it('a background stroke over an instance removes those pixels from it', () => {
    const m = rasteriseAnnotations([instance([box(0, 0, 4, 4)], 2, 1), brush([0, 1.5, 8, 1.5], 1, 1, 2)], { width: W, height: H });
    expect(maskRows(m.instances, W).slice(0, 3)).toEqual(['1111....', '........', '1111....']);
    expect(maskRows(m.labels, W).slice(0, 3)).toEqual(['2222....', '11111111', '2222....']);
  });
});

describe('regions', () => {
  it('a region equals the same window of the full mask', () => {
    const shapes = [brush([1.5, 1.5, 4.5, 4.5], 3), polygon([box(2, 0, 7, 2)], 2), eraser([5, 0, 5, 6], 1)];
    const full = rasteriseAnnotations(shapes, { width: W, height: H });
    const region = { x: 2, y: 1, width: 4, height: 3 };
    const win = rasteriseAnnotations(shapes, { width: W, height: H, region });
    for (let y = 0; y < 3; y++) for (let x = 0; x < 4; x++) expect(win.labels[y * 4 + x]).toBe(full.labels[(y + 1) * W + x + 2]);
  });
  it('rejects a region outside the image', () => {
    expect(() => rasteriseAnnotations([], { width: W, height: H, region: { x: 20, y: 0, width: 2, height: 2 } })).toThrow(/region/);
  });
});
