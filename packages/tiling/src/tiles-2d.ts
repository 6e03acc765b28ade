import { TilingError } from './errors';
import { calculateTiles1D, type Tile1D } from './tiles-1d';

export interface Region2D { x: number; y: number; w: number; h: number }
export interface Border2D { left: number; top: number; right: number; bottom: number }
/** A 2D tile: `center` is the part kept, `roi` = centre + border is what the model sees (may leave the image). */
export interface Tile2D { center: Region2D; border: Border2D; roi: Region2D }

export interface Tiling2DOptions {
  tileWidth: number;
  tileHeight: number;
  /** Minimum border per side: one number for both axes, or per axis. */
  minBorder: number | { x: number; y: number };
}

export function checkRegion(values: Record<string, number>): void {
  for (const [k, v] of Object.entries(values)) {
    if (!Number.isInteger(v)) throw new TilingError('NOT_INTEGER', `Region ${k} must be an integer.`);
  }
}

/** Combines two 1D tilings: x is the outer loop, y the inner one (cztile's order). */
export function combineTiles2D(region: Region2D, xs: Tile1D[], ys: Tile1D[]): Tile2D[] {
  const tiles: Tile2D[] = [];
  for (const tx of xs) {
    for (const ty of ys) {
      const center = { x: region.x + tx.left, y: region.y + ty.left, w: tx.width, h: ty.width };
      const border = { left: tx.leftBorder, top: ty.leftBorder, right: tx.rightBorder, bottom: ty.rightBorder };
      const roi = {
        x: center.x - border.left,
        y: center.y - border.top,
        w: center.w + border.left + border.right,
        h: center.h + border.top + border.bottom,
      };
      tiles.push({ center, border, roi });
    }
  }
  return tiles;
}

/** cztile's 2D tiling of a region; an empty region gives no tiles. */
export function calculateTiles2D(region: Region2D, options: Tiling2DOptions): Tile2D[] {
  checkRegion({ x: region.x, y: region.y, w: region.w, h: region.h });
  if (region.w < 0 || region.h < 0) throw new TilingError('REGION_INVALID', 'Region width and height cannot be negative.');
  const bx = typeof options.minBorder === 'number' ? options.minBorder : options.minBorder.x;
  const by = typeof options.minBorder === 'number' ? options.minBorder : options.minBorder.y;
  const xs = calculateTiles1D(region.w, { tileLength: options.tileWidth, minBorder: bx });
  const ys = calculateTiles1D(region.h, { tileLength: options.tileHeight, minBorder: by });
  return combineTiles2D(region, xs, ys);
}
