import { TilingError } from './errors';
import type { Tile2D } from './tiles-2d';
import type { Tile3D } from './tiles-3d';
import { checkImage, type ArrayImage, type ArrayVolume, type TypedArray } from './typed-image';

/**
 * Writes the centre window of a tile's prediction (shape [roi.h, roi.w, C]) into `dst` at the tile's centre.
 * `dstOrigin` is the image position of dst's pixel (0, 0), so dst can be a band or the whole image.
 * Centres do not overlap: no blending, no seam.
 */
export function stitchTile<T extends TypedArray>(
  dst: ArrayImage<T>, prediction: ArrayImage, tile: Tile2D, dstOrigin: { x: number; y: number } = { x: 0, y: 0 },
): void {
  checkImage(dst, 'destination');
  checkImage(prediction, 'prediction');
  const c = dst.channels;
  if (prediction.channels !== c) {
    throw new TilingError('SHAPE_MISMATCH', `Prediction has ${prediction.channels} channels, destination ${c}.`);
  }
  if (prediction.width !== tile.roi.w || prediction.height !== tile.roi.h) {
    throw new TilingError('SHAPE_MISMATCH',
      `Prediction is ${prediction.width}x${prediction.height}, the tile region ${tile.roi.w}x${tile.roi.h}.`);
  }
  const dx = tile.center.x - dstOrigin.x;
  const dy = tile.center.y - dstOrigin.y;
  if (dx < 0 || dy < 0 || dx + tile.center.w > dst.width || dy + tile.center.h > dst.height) {
    throw new TilingError('SHAPE_MISMATCH', 'The tile centre lies outside the destination.');
  }
  const sameKind = dst.data.constructor === prediction.data.constructor;
  const rowLen = tile.center.w * c;
  for (let r = 0; r < tile.center.h; r++) {
    const s = ((tile.border.top + r) * prediction.width + tile.border.left) * c;
    const d = ((dy + r) * dst.width + dx) * c;
    if (sameKind) dst.data.set(prediction.data.subarray(s, s + rowLen) as never, d);
    else for (let k = 0; k < rowLen; k++) dst.data[d + k] = prediction.data[s + k] as number;
  }
}

/** 3D version of stitchTile; prediction shape [roi.d, roi.h, roi.w, C]. */
export function stitchTile3D<T extends TypedArray>(
  dst: ArrayVolume<T>, prediction: ArrayVolume, tile: Tile3D,
  dstOrigin: { x: number; y: number; z: number } = { x: 0, y: 0, z: 0 },
): void {
  const dz = tile.center.z - dstOrigin.z;
  if (dz < 0 || dz + tile.center.d > dst.depth || prediction.depth !== tile.roi.d) {
    throw new TilingError('SHAPE_MISMATCH', 'The tile centre lies outside the destination depth.');
  }
  const dPlane = dst.width * dst.height * dst.channels;
  const pPlane = prediction.width * prediction.height * prediction.channels;
  const t2 = {
    center: { x: tile.center.x, y: tile.center.y, w: tile.center.w, h: tile.center.h },
    border: { left: tile.border.left, top: tile.border.top, right: tile.border.right, bottom: tile.border.bottom },
    roi: { x: tile.roi.x, y: tile.roi.y, w: tile.roi.w, h: tile.roi.h },
  };
  for (let z = 0; z < tile.center.d; z++) {
    const pz = tile.border.front + z;
    const dPlaneImg = { width: dst.width, height: dst.height, channels: dst.channels,
      data: dst.data.subarray((dz + z) * dPlane, (dz + z + 1) * dPlane) as T };
    const pPlaneImg = { width: prediction.width, height: prediction.height, channels: prediction.channels,
      data: prediction.data.subarray(pz * pPlane, (pz + 1) * pPlane) };
    stitchTile(dPlaneImg, pPlaneImg, t2, { x: dstOrigin.x, y: dstOrigin.y });
  }
}
