import { calculateTiles1D, combineTiles2D, type Region2D, type Tile2D } from '@tessera/tiling';
import { InferenceError } from './errors';

/** One row of tiles and the image rows [outY, outY + outH) of the requested region it produces. */
export interface TileRow { tiles: Tile2D[]; outY: number; outH: number }

export interface TilePlan { region: Region2D; rows: TileRow[]; total: number }

/**
 * The tiles for a plane: cztile's tiling of the whole image, or, for a sub-region, of the region grown by the border
 * (clipped to the image) so that the region's edge pixels get real neighbours; tiles whose centre misses the
 * region are dropped.
 */
export function planTiles(
  width: number, height: number, region: Region2D | undefined, tile: { h: number; w: number }, border: { y: number; x: number },
): TilePlan {
  const r = region ?? { x: 0, y: 0, w: width, h: height };
  if (r.x < 0 || r.y < 0 || r.w < 0 || r.h < 0 || r.x + r.w > width || r.y + r.h > height) {
    throw new InferenceError('OPTIONS_INVALID', 'The region must lie inside the image.');
  }
  const whole = r.x === 0 && r.y === 0 && r.w === width && r.h === height;
  const x0 = whole ? 0 : Math.max(0, r.x - border.x);
  const y0 = whole ? 0 : Math.max(0, r.y - border.y);
  const x1 = whole ? width : Math.min(width, r.x + r.w + border.x);
  const y1 = whole ? height : Math.min(height, r.y + r.h + border.y);
  const tiling = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  const xs = calculateTiles1D(tiling.w, { tileLength: tile.w, minBorder: border.x });
  const ys = calculateTiles1D(tiling.h, { tileLength: tile.h, minBorder: border.y });
  const rows: TileRow[] = [];
  let total = 0;
  for (const ty of ys) {
    const cy0 = tiling.y + ty.left;
    const outY = Math.max(cy0, r.y);
    const outH = Math.min(cy0 + ty.width, r.y + r.h) - outY;
    if (outH <= 0) continue;
    const tiles = combineTiles2D(tiling, xs, [ty]).filter((t) => t.center.x < r.x + r.w && t.center.x + t.center.w > r.x);
    if (tiles.length === 0) continue;
    rows.push({ tiles, outY, outH });
    total += tiles.length;
  }
  return { region: r, rows, total };
}
