import { TilingError } from './errors';
import { calculateTiles1D } from './tiles-1d';
import { checkRegion } from './tiles-2d';

export interface Region3D { x: number; y: number; z: number; w: number; h: number; d: number }
export interface Border3D { left: number; top: number; front: number; right: number; bottom: number; back: number }
export interface Tile3D { center: Region3D; border: Border3D; roi: Region3D }

export interface Tiling3DOptions {
  tileWidth: number;
  tileHeight: number;
  tileDepth: number;
  minBorder: number | { x: number; y: number; z: number };
}

/** cztile's 3D tiling: x outer, then y, then z innermost. */
export function calculateTiles3D(region: Region3D, options: Tiling3DOptions): Tile3D[] {
  checkRegion({ x: region.x, y: region.y, z: region.z, w: region.w, h: region.h, d: region.d });
  if (region.w < 0 || region.h < 0 || region.d < 0) {
    throw new TilingError('REGION_INVALID', 'Region width, height and depth cannot be negative.');
  }
  const b = typeof options.minBorder === 'number'
    ? { x: options.minBorder, y: options.minBorder, z: options.minBorder }
    : options.minBorder;
  const xs = calculateTiles1D(region.w, { tileLength: options.tileWidth, minBorder: b.x });
  const ys = calculateTiles1D(region.h, { tileLength: options.tileHeight, minBorder: b.y });
  const zs = calculateTiles1D(region.d, { tileLength: options.tileDepth, minBorder: b.z });
  const tiles: Tile3D[] = [];
  for (const tx of xs) {
    for (const ty of ys) {
      for (const tz of zs) {
        const center = { x: region.x + tx.left, y: region.y + ty.left, z: region.z + tz.left, w: tx.width, h: ty.width, d: tz.width };
        const border = {
          left: tx.leftBorder, top: ty.leftBorder, front: tz.leftBorder,
          right: tx.rightBorder, bottom: ty.rightBorder, back: tz.rightBorder,
        };
        const roi = {
          x: center.x - border.left, y: center.y - border.top, z: center.z - border.front,
          w: center.w + border.left + border.right,
          h: center.h + border.top + border.bottom,
          d: center.d + border.front + border.back,
        };
        tiles.push({ center, border, roi });
      }
    }
  }
  return tiles;
}
