import { describe, expect, it } from 'vitest';
import { pixelPairs, type Raster } from '@tessera/imaging';
import { bandStats } from './channel-stats';

describe('bandStats', () => {
  it('counts two uint16 channels with 32-bit loads exactly as channel by channel', () => {
    const n = 301 * 7;
    const values = Array.from({ length: n * 2 }, (_, i) => ((i * 2654435761) >>> 16) & (i % 2 ? 0xffff : 0x0fff));
    const aligned: Raster = { width: 301, height: 7, channels: 2, dtype: 'uint16', data: Uint16Array.from(values) };
    // the same samples 2 bytes into their buffer: not 4-byte aligned, so counted channel by channel
    const unaligned: Raster = { ...aligned, data: new Uint16Array(new ArrayBuffer(n * 4 + 2), 2, n * 2) };
    unaligned.data.set(values);
    expect(pixelPairs(aligned)).toBeDefined();
    expect(pixelPairs(unaligned)).toBeUndefined();
    const fast = bandStats(aligned);
    expect(fast).toEqual(bandStats(unaligned));
    // and the counts are the values' own
    expect(fast.counts![1]![values[1]!]).toBe(values.filter((v, i) => i % 2 === 1 && v === values[1]).length);
  });
});
