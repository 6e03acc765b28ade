import { TilingError } from './errors';
import type { Region2D } from './tiles-2d';
import type { Region3D } from './tiles-3d';
import {
  allocLike, checkImage, mapIndex,
  type ArrayImage, type ArrayVolume, type Padding, type TypedArray,
} from './typed-image';

export interface ExtractOptions<O extends TypedArray> {
  /** Fill for pixels outside the image (default 'reflect'). */
  padding?: Padding;
  /** Write into this array (any dtype; values are converted by assignment) instead of allocating one. */
  out?: O;
  /** Offset into `out` (in values). */
  outOffset?: number;
}

/**
 * Copies `roi` of a channels-last image into a dense [roi.h, roi.w, channels] array, padding where the roi leaves
 * the image. The result has the source's dtype unless `out` is given.
 */
export function extractTile<T extends TypedArray, O extends TypedArray = T>(
  src: ArrayImage<T>, roi: Region2D, options: ExtractOptions<O> = {},
): O {
  checkImage(src);
  const padding = options.padding ?? 'reflect';
  const c = src.channels;
  const rowLen = roi.w * c;
  const out = options.out ?? (allocLike(src.data, roi.w * roi.h * c) as unknown as O);
  const off0 = options.outOffset ?? 0;
  if (out.length < off0 + roi.h * rowLen) {
    throw new TilingError('SHAPE_MISMATCH', `The output array is too small for a ${roi.w}x${roi.h}x${c} tile.`);
  }
  const xmap = new Int32Array(roi.w);
  let inStart = roi.w;
  let inEnd = 0;
  for (let i = 0; i < roi.w; i++) {
    const sx = mapIndex(roi.x + i, src.width, padding);
    xmap[i] = sx;
    if (sx >= 0 && sx === roi.x + i) { if (i < inStart) inStart = i; inEnd = i + 1; }
  }
  const sameKind = out.constructor === src.data.constructor;
  const sdata = src.data;
  for (let r = 0; r < roi.h; r++) {
    const sy = mapIndex(roi.y + r, src.height, padding);
    const o = off0 + r * rowLen;
    if (sy < 0) { out.fill(0, o, o + rowLen); continue; }
    const rowBase = sy * src.width * c;
    if (inEnd > inStart) {
      const a = rowBase + (roi.x + inStart) * c;
      const b = rowBase + (roi.x + inEnd) * c;
      if (sameKind) out.set(sdata.subarray(a, b) as never, o + inStart * c);
      else for (let k = a, j = o + inStart * c; k < b; k++, j++) out[j] = sdata[k] as number;
    }
    for (let i = 0; i < roi.w; i++) {
      if (i === inStart && inEnd > inStart) { i = inEnd - 1; continue; }
      const sx = xmap[i] as number;
      const j = o + i * c;
      if (sx < 0) { for (let k = 0; k < c; k++) out[j + k] = 0; continue; }
      const s = rowBase + sx * c;
      for (let k = 0; k < c; k++) out[j + k] = sdata[s + k] as number;
    }
  }
  return out;
}

/** 3D version of extractTile: returns [roi.d, roi.h, roi.w, channels]. */
export function extractTile3D<T extends TypedArray, O extends TypedArray = T>(
  src: ArrayVolume<T>, roi: Region3D, options: ExtractOptions<O> = {},
): O {
  checkImage(src, 'volume');
  const padding = options.padding ?? 'reflect';
  const planeLen = src.width * src.height * src.channels;
  const tileLen = roi.w * roi.h * src.channels;
  const out = options.out ?? (allocLike(src.data, tileLen * roi.d) as unknown as O);
  const off0 = options.outOffset ?? 0;
  const region2 = { x: roi.x, y: roi.y, w: roi.w, h: roi.h };
  for (let zi = 0; zi < roi.d; zi++) {
    const sz = mapIndex(roi.z + zi, src.depth, padding);
    const offset = off0 + zi * tileLen;
    if (sz < 0) { out.fill(0, offset, offset + tileLen); continue; }
    const plane = { width: src.width, height: src.height, channels: src.channels,
      data: src.data.subarray(sz * planeLen, (sz + 1) * planeLen) as T };
    extractTile(plane, region2, { padding, out, outOffset: offset });
  }
  return out;
}
