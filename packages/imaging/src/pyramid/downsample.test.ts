import { describe, expect, it } from 'vitest';
import type { DType, Raster } from '../types';
import { allocateSamples } from '../types';
import { downsample2x } from './downsample';
import { pyramidLevels } from './pyramid-levels';

const raster = (width: number, height: number, values: number[], dtype: DType = 'uint16', channels = 1): Raster => {
  const data = allocateSamples(dtype, values.length);
  data.set(values);
  return { width, height, channels, dtype, data };
};

describe('downsample2x', () => {
  it('mean equals floor((sum + ⌊n/2⌋) / n) over the existing pixels, for every small integer type, size parity and channel count', () => {
    let seed = 3;
    const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const ranges = { uint8: [0, 255], int8: [-128, 127], uint16: [0, 65535], int16: [-32768, 32767] } as const;
    for (const dtype of ['uint8', 'int8', 'uint16', 'int16'] as const) {
      for (const [w, h] of [[6, 4], [7, 5], [1, 1], [1, 6], [5, 1], [9, 8]] as const) {
        for (const C of [1, 2, 3]) {
          const [lo, hi] = ranges[dtype];
          const values = Array.from({ length: w * h * C }, () => lo + Math.floor(rnd() * (hi - lo + 1)));
          const out = downsample2x(raster(w, h, values, dtype, C));
          const ow = Math.ceil(w / 2), oh = Math.ceil(h / 2);
          const expected: number[] = [];
          for (let oy = 0; oy < oh; oy++) for (let ox = 0; ox < ow; ox++) for (let c = 0; c < C; c++) {
            let sum = 0, n = 0;
            for (let y = 2 * oy; y < Math.min(2 * oy + 2, h); y++) for (let x = 2 * ox; x < Math.min(2 * ox + 2, w); x++, n++) sum += values[(y * w + x) * C + c]!;
            expected.push(Math.floor((sum + (n >> 1)) / n));
          }
          expect(Array.from(out.data), `${dtype} ${w}×${h}×${C}`).toEqual(expected);
        }
      }
    }
  });
  it('writes into a caller array when given one (any method), the same values as without', () => {
    const r = raster(7, 5, Array.from({ length: 70 }, (_, i) => (i * 7919) % 4001), 'uint16', 2);
    for (const method of ['mean', 'nearest', 'mode'] as const) {
      const into = new Uint16Array(4 * 3 * 2 + 5).fill(9);
      const out = downsample2x(r, method, into);
      expect(out.data.buffer).toBe(into.buffer);
      expect(Array.from(out.data)).toEqual(Array.from(downsample2x(r, method).data));
      expect(Array.from(into.subarray(24))).toEqual([9, 9, 9, 9, 9]);
    }
    expect(() => downsample2x(r, 'mean', new Uint16Array(10))).toThrow(RangeError);
    expect(() => downsample2x(r, 'mean', new Float32Array(24))).toThrow(RangeError);
  });
  it('mean of 2×2 blocks, rounding half up', () => {
    // blocks: [1,2,2,2]=1.75→2, [1,1,2,2]=1.5→2, [0,0,0,1]=0.25→0, [10,11,10,10]=10.25→10
    const r = raster(4, 4, [1, 2, 1, 1, 2, 2, 2, 2, 0, 0, 10, 11, 0, 1, 10, 10]);
    const out = downsample2x(r);
    expect([out.width, out.height, out.dtype]).toEqual([2, 2, 'uint16']);
    expect(Array.from(out.data)).toEqual([2, 2, 0, 10]);
  });

  it('odd sizes: edge blocks average only the pixels that exist', () => {
    // 3×3: blocks (0,0)=[1,2,4,5] (1,0)=[3,6] (0,1)=[7,8] (1,1)=[9]
    const out = downsample2x(raster(3, 3, [1, 2, 3, 4, 5, 6, 7, 8, 9], 'uint8'));
    expect([out.width, out.height]).toEqual([2, 2]);
    // (1+2+4+5)/4=3, (3+6)/2=4.5→5, (7+8)/2=7.5→8, 9
    expect(Array.from(out.data)).toEqual([3, 5, 8, 9]);
  });

  it('signed integers round half toward +∞ and floats keep the exact mean', () => {
    expect(Array.from(downsample2x(raster(2, 1, [-1, -2], 'int16')).data)).toEqual([-1]);
    expect(Array.from(downsample2x(raster(2, 1, [-1, -4], 'int32')).data)).toEqual([-2]); // -2.5 → -2
    expect(Array.from(downsample2x(raster(2, 2, [0.5, 0.25, 1, 2], 'float64')).data)).toEqual([0.9375]);
  });

  it('does not overflow: four uint16 65535 average to 65535, uint32 near 2^32 stays exact', () => {
    expect(Array.from(downsample2x(raster(2, 2, [65535, 65535, 65535, 65534])).data)).toEqual([65535]);
    expect(Array.from(downsample2x(raster(2, 2, [4294967295, 4294967295, 4294967294, 4294967294], 'uint32')).data)).toEqual([4294967295]);
  });

  it('works per channel on interleaved data', () => {
    const out = downsample2x(raster(2, 2, [0, 100, 2, 100, 4, 200, 6, 201], 'uint8', 2));
    expect([out.channels, ...out.data]).toEqual([2, 3, 150]); // (0+2+4+6)/4 = 3; (100+100+200+201)/4 = 150.25
  });

  it('nearest takes the top-left pixel; mode takes the most frequent value, ties to the smallest', () => {
    const r = raster(4, 2, [5, 7, 3, 9, 7, 7, 9, 3], 'uint8');
    expect(Array.from(downsample2x(r, 'nearest').data)).toEqual([5, 3]);
    expect(Array.from(downsample2x(r, 'mode').data)).toEqual([7, 3]);
  });

  it('a 520×696 image halves to 260×348, then 130×174, 65×87, 33×44', () => {
    let r = raster(696, 520, new Array(696 * 520).fill(7));
    const sizes: number[][] = [];
    for (let i = 0; i < 4; i++) {
      r = downsample2x(r);
      sizes.push([r.width, r.height]);
    }
    expect(sizes).toEqual([[348, 260], [174, 130], [87, 65], [44, 33]]);
    expect(r.data.every((v) => v === 7)).toBe(true);
  });
});

describe('pyramidLevels', () => {
  it('halves with ceil until one chunk covers the level', () => {
    expect(pyramidLevels(20000, 20000, 512).map((l) => [l.level, l.width, l.height, l.chunksX, l.chunksY, l.scale])).toEqual([
      [0, 20000, 20000, 40, 40, 1],
      [1, 10000, 10000, 20, 20, 2],
      [2, 5000, 5000, 10, 10, 4],
      [3, 2500, 2500, 5, 5, 8],
      [4, 1250, 1250, 3, 3, 16],
      [5, 625, 625, 2, 2, 32],
      [6, 313, 313, 1, 1, 64],
    ]);
    expect(pyramidLevels(696, 520, 256).map((l) => [l.width, l.height])).toEqual([[696, 520], [348, 260], [174, 130]]);
    expect(pyramidLevels(100, 50, 512)).toHaveLength(1);
    expect(() => pyramidLevels(0, 10, 256)).toThrow(/positive integers/);
  });
});
