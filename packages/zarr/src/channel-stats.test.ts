import { describe, expect, it } from 'vitest';
import type { Raster } from '@tessera/imaging';
import { bandStats, ChannelStatsAccumulator } from './channel-stats';

describe('bandStats', () => {
  it('counts every value of each channel (16-bit) and bounds float channels', () => {
    const n = 301 * 7;
    const values = Array.from({ length: n * 2 }, (_, i) => ((i * 2654435761) >>> 16) & (i % 2 ? 0xffff : 0x0fff));
    const band: Raster = { width: 301, height: 7, channels: 2, dtype: 'uint16', data: Uint16Array.from(values) };
    const counted = bandStats(band);
    for (const c of [0, 1]) {
      const own = values.filter((_, i) => i % 2 === c);
      expect(counted.counts![c]!.reduce((s, k) => s + k, 0)).toBe(n);
      for (const v of own.slice(0, 20)) expect(counted.counts![c]![v]).toBe(own.filter((w) => w === v).length);
    }
    const floats: Raster = { width: 3, height: 1, channels: 1, dtype: 'float32', data: Float32Array.from([0.5, -2, 7.25]) };
    expect(bandStats(floats)).toMatchObject({ counts: undefined, mins: [-2], maxs: [7.25] });
  });
  it('merged bands give exact min, max and percentiles', () => {
    const acc = new ChannelStatsAccumulator(1, 'uint8');
    for (const start of [0, 100]) acc.merge(bandStats({ width: 100, height: 1, channels: 1, dtype: 'uint8', data: Uint8Array.from({ length: 100 }, (_, i) => start + i) }));
    const [s] = acc.finish({ width: 1, height: 1, channels: 1, dtype: 'uint8', data: new Uint8Array(1) });
    expect(s).toMatchObject({ min: 0, max: 199 });
    expect(s!.histogram.total).toBe(200);
  });
});
