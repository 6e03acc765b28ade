import { ImagingError } from '../errors';

export interface PyramidLevel {
  /** 0 = full resolution. */
  level: number;
  width: number;
  height: number;
  /** Level pixel size in full-resolution pixels (2^level). */
  scale: number;
  chunksX: number;
  chunksY: number;
}

/**
 * The levels of a 2× pyramid: level 0 is the image, each next level is ceil(previous / 2) in each direction
 * (matching downsample2x), stopping at the first level that fits in one chunk in both directions.
 */
export function pyramidLevels(width: number, height: number, chunk: number): PyramidLevel[] {
  if (![width, height, chunk].every((n) => Number.isInteger(n) && n > 0)) {
    throw new ImagingError('invalid-argument', 'Width, height and chunk size must be positive integers.');
  }
  const levels: PyramidLevel[] = [];
  let w = width;
  let h = height;
  for (let level = 0; ; level++) {
    levels.push({ level, width: w, height: h, scale: 2 ** level, chunksX: Math.ceil(w / chunk), chunksY: Math.ceil(h / chunk) });
    if (w <= chunk && h <= chunk) return levels;
    w = Math.ceil(w / 2);
    h = Math.ceil(h / 2);
  }
}
