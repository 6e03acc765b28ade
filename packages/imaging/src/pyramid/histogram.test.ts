import { describe, expect, it } from 'vitest';
import type { DType, Raster } from '../types';
import { allocateSamples } from '../types';
import { autoContrast, histogram, percentiles } from './histogram';

const raster = (values: number[], dtype: DType = 'uint16', channels = 1): Raster => {
  const data = allocateSamples(dtype, values.length);
  data.set(values);
  return { width: values.length / channels, height: 1, channels, dtype, data };
};

describe('histogram', () => {
  it('one bin per value when the integer range is small', () => {
    const h = histogram(raster([3, 5, 5, 7, 3, 3]), 0, 256);
    expect([h.min, h.max, h.total]).toEqual([3, 7, 6]);
    expect(h.counts).toEqual([3, 0, 2, 0, 1]);
    expect(h.edges).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it('integer bins of whole values when the range is larger than bins', () => {
    // range 0..9 in 4 bins → width ceil(10/4)=3: [0,3) [3,6) [6,9) [9,12)
    const h = histogram(raster([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 'uint8'), 0, 4);
    expect(h.counts).toEqual([3, 3, 3, 1]);
    expect(h.edges).toEqual([0, 3, 6, 9, 12]);
  });

  it('selects one channel of interleaved data and honours a fixed range', () => {
    const r = raster([1, 100, 2, 200, 3, 300], 'uint16', 2);
    expect(histogram(r, 1, 3, [100, 300]).counts).toEqual([1, 1, 1]);
    expect(histogram(r, 0, 10, [0, 255]).counts.reduce((a, b) => a + b)).toBe(3);
  });

  it('float bins split [min, max] evenly and skip NaN', () => {
    const h = histogram(raster([0, 0.5, 1, Number.NaN, 0.25], 'float32'), 0, 4);
    expect(h.counts).toEqual([1, 1, 1, 1]);
    expect(h.total).toBe(4);
    expect(h.edges).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});

describe('percentiles and autoContrast', () => {
  it('nearest-rank percentiles are exact for integer data', () => {
    const values = Array.from({ length: 1000 }, (_, i) => 100 + i); // 100..1099
    const h = histogram(raster(values), 0, 65536);
    expect(percentiles(h, [0, 0.1, 1, 50, 99, 99.9, 100])).toEqual([100, 100, 109, 599, 1089, 1098, 1099]);
    expect(autoContrast(h)).toEqual({ min: 100, max: 1098 });
  });

  it('interpolates inside wide integer bins', () => {
    const h = histogram(raster(Array.from({ length: 100 }, (_, i) => i)), 0, 10); // bins of 10 values
    expect(percentiles(h, [50])).toEqual([49]);
  });
});
