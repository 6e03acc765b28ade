import { ImagingError } from '../errors';
import { isIntegerDType, outputSamples, pixelPairs, type Raster, type TypedArray } from '../types';

/**
 * - 'mean': each output pixel is the mean of its 2×2 input block. For integer dtypes the mean is rounded half up
 *   (toward +∞): out = floor((sum + ⌊n/2⌋) / n), n = pixels in the block — e.g. (1+2+2+2)/4 = 1.75 → 2,
 *   (1+1+2+2)/4 = 1.5 → 2, (-1-2)/2 = -1.5 → -1. Floats keep the exact mean (computed in float64).
 * - 'nearest': the top-left pixel of each block (for label images: never invents new labels).
 * - 'mode': the most frequent value of the block, ties to the smallest value (label images, smoother than nearest).
 */
export type DownsampleMethod = 'mean' | 'nearest' | 'mode';

/**
 * Halves a raster in both directions, channel by channel. Output size is ceil(width/2) × ceil(height/2); when a
 * size is odd, the last column/row of blocks covers only the 1 (or 2) pixels that exist — no padding, no mirroring,
 * so edge pixels are averaged over the real pixels only. With `into` (room for the output's samples, of the same
 * dtype) the result is written there and its data is a view of it.
 */
export function downsample2x(raster: Raster, method: DownsampleMethod = 'mean', into?: TypedArray): Raster {
  const { width, height, channels: C, dtype, data } = raster;
  if (data.length !== width * height * C) throw new ImagingError('invalid-argument', 'The raster data length does not match its size.');
  const ow = Math.ceil(width / 2);
  const oh = Math.ceil(height / 2);
  const out = outputSamples(dtype, ow * oh * C, into);
  if (method === 'mean' && SMALL_INTEGER.has(dtype)) return meanOfSmallIntegers(raster, out);
  const integer = isIntegerDType(dtype);
  const block = [0, 0, 0, 0];
  for (let oy = 0; oy < oh; oy++) {
    const y0 = oy * 2;
    const y1 = Math.min(y0 + 1, height - 1);
    for (let ox = 0; ox < ow; ox++) {
      const x0 = ox * 2;
      const x1 = Math.min(x0 + 1, width - 1);
      const n = (x1 - x0 + 1) * (y1 - y0 + 1);
      const a = (y0 * width + x0) * C;
      const b = (y0 * width + x1) * C;
      const c = (y1 * width + x0) * C;
      const d = (y1 * width + x1) * C;
      const o = (oy * ow + ox) * C;
      for (let ch = 0; ch < C; ch++) {
        if (method === 'nearest') {
          out[o + ch] = data[a + ch]!;
          continue;
        }
        // gather the distinct pixels of the block (a, b, c, d alias when the block is clipped)
        let k = 0;
        block[k++] = data[a + ch]!;
        if (x1 !== x0) block[k++] = data[b + ch]!;
        if (y1 !== y0) block[k++] = data[c + ch]!;
        if (x1 !== x0 && y1 !== y0) block[k++] = data[d + ch]!;
        if (method === 'mode') {
          out[o + ch] = modeOf(block, k);
        } else {
          let sum = 0;
          for (let i = 0; i < k; i++) sum += block[i]!;
          out[o + ch] = integer ? Math.floor((sum + (n >> 1)) / n) : sum / n;
        }
      }
    }
  }
  return { width: ow, height: oh, channels: C, dtype, data: out };
}

function modeOf(values: number[], n: number): number {
  let best = values[0]!;
  let bestCount = 0;
  for (let i = 0; i < n; i++) {
    let count = 0;
    for (let j = 0; j < n; j++) if (values[j] === values[i]) count++;
    if (count > bestCount || (count === bestCount && values[i]! < best)) {
      best = values[i]!;
      bestCount = count;
    }
  }
  return best;
}

/** 8- and 16-bit integers: block sums fit int32, so the rounded-half-up mean is a shift (floor for negatives too). */
const SMALL_INTEGER = new Set(['uint8', 'int8', 'uint16', 'int16']);

/**
 * 'mean' for 8/16-bit integers without per-pixel branching (the ingest's hot loop): whole 2×2 blocks give
 * (a+b+c+d+2)>>2, the clipped last column / row (a+b+1)>>1, the clipped corner its one pixel — the same values as
 * floor((sum + ⌊n/2⌋) / n).
 */
function meanOfSmallIntegers(raster: Raster, out: TypedArray): Raster {
  const { width, height, channels: C, dtype, data } = raster;
  const ow = Math.ceil(width / 2), oh = Math.ceil(height / 2);
  const fullW = width >> 1, fullH = height >> 1;
  const stride = width * C;
  // two 16-bit channels: a pixel is one 32-bit load, both channels summed at once
  const pairs = pixelPairs(raster);
  const outPairs = pairs && pixelPairs({ ...raster, width: ow, height: oh, data: out });
  for (let oy = 0; oy < oh; oy++) {
    const r0 = 2 * oy * stride;
    const r1 = oy < fullH ? r0 + stride : r0; // the clipped last row reads its one row twice, then halves
    const shift = oy < fullH ? 2 : 1;
    let o = oy * ow * C;
    if (pairs && shift === 2) {
      meanOfPairRow(pairs, outPairs!, 2 * oy * width, 2 * oy * width + width, oy * ow, fullW);
      o += fullW * C;
    } else {
      for (let ox = 0; ox < fullW; ox++) {
        const i = 2 * ox * C;
        for (let ch = 0; ch < C; ch++, o++) {
          const a = r0 + i + ch, b = r1 + i + ch;
          out[o] = shift === 2 ? (data[a]! + data[a + C]! + data[b]! + data[b + C]! + 2) >> 2 : (data[a]! + data[a + C]! + 1) >> 1;
        }
      }
    }
    if (fullW < ow) {
      const i = 2 * fullW * C;
      for (let ch = 0; ch < C; ch++, o++) out[o] = shift === 2 ? (data[r0 + i + ch]! + data[r1 + i + ch]! + 1) >> 1 : data[r0 + i + ch]!;
    }
  }
  return { width: ow, height: oh, channels: C, dtype, data: out };
}

/** Full 2×2 blocks of one output row, two uint16 channels per 32-bit word: each channel (a+b+c+d+2)>>2. */
function meanOfPairRow(src: Uint32Array, out: Uint32Array, r0: number, r1: number, o: number, blocks: number): void {
  for (let ox = 0; ox < blocks; ox++) {
    const i = 2 * ox;
    const a = src[r0 + i]!, b = src[r0 + i + 1]!, c = src[r1 + i]!, d = src[r1 + i + 1]!;
    const lo = (a & 0xffff) + (b & 0xffff) + (c & 0xffff) + (d & 0xffff) + 2;
    const hi = (a >>> 16) + (b >>> 16) + (c >>> 16) + (d >>> 16) + 2;
    out[o + ox] = (lo >>> 2) | ((hi >>> 2) << 16);
  }
}
