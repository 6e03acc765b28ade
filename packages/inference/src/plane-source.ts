import type { Raster, RegionSource } from './types';

/** Reads full-width bands of one plane; in-memory rasters give zero-copy views. */
export interface PlaneSource {
  width: number;
  height: number;
  channels: number;
  dtype: Raster['dtype'];
  readBand(y0: number, y1: number): Raster | Promise<Raster>;
}

export function isRaster(x: unknown): x is Raster {
  return typeof x === 'object' && x !== null && 'data' in x && 'width' in x && 'channels' in x && !('planes' in x);
}

export function rasterSource(r: Raster): PlaneSource {
  const row = r.width * r.channels;
  return {
    width: r.width, height: r.height, channels: r.channels, dtype: r.dtype,
    readBand: (y0, y1) => ({ width: r.width, height: y1 - y0, channels: r.channels, dtype: r.dtype, data: r.data.subarray(y0 * row, y1 * row) }),
  };
}

export function regionSource(s: RegionSource): PlaneSource {
  return {
    width: s.width, height: s.height, channels: s.channels, dtype: s.dtype,
    readBand: (y0, y1) => s.readRegion({ x: 0, y: y0, w: s.width, h: y1 - y0 }),
  };
}
