import { TilingError } from './errors';

/** One 1D tile: the centre is [left, left+width); the model sees [left-leftBorder, left+width+rightBorder). */
export interface Tile1D {
  left: number;
  width: number;
  leftBorder: number;
  rightBorder: number;
}

export interface Tiling1DOptions {
  /** Total tile length fed to the model (centre + both borders). */
  tileLength: number;
  /** Minimum border on each inner side. */
  minBorder: number;
}

/** Validates cztile's 1D inputs, throwing TilingError with cztile's messages. */
export function checkTiling1DOptions({ tileLength, minBorder }: Tiling1DOptions): void {
  if (!Number.isInteger(tileLength)) throw new TilingError('NOT_INTEGER', 'Total tile length must be an integer.');
  if (!Number.isInteger(minBorder)) throw new TilingError('NOT_INTEGER', 'Minimum border length must be an integer.');
  if (tileLength <= 0) throw new TilingError('TILE_LENGTH_NOT_POSITIVE', 'Total tile length must be greater than zero.');
  if (minBorder < 0) throw new TilingError('BORDER_NEGATIVE', 'Minimum border length cannot be negative.');
  if (2 * minBorder >= tileLength) {
    throw new TilingError('BORDER_TOO_LARGE', 'Minimum border length must be less than half the tile length.');
  }
}

/**
 * cztile's "almost equal border, fixed total length" 1D tiling of [0, length).
 * Every tile region has exactly `tileLength` pixels; centres tile [0, length) exactly once.
 */
export function calculateTiles1D(length: number, options: Tiling1DOptions): Tile1D[] {
  checkTiling1DOptions(options);
  if (!Number.isInteger(length)) throw new TilingError('NOT_INTEGER', 'Image length must be an integer.');
  if (length < 0) throw new TilingError('REGION_INVALID', 'Image length cannot be negative.');
  if (length === 0) return [];
  const w = options.tileLength;
  const d = options.minBorder;
  if (length < w) {
    const pad = w - length;
    const left = Math.floor(pad / 2);
    return [{ left: 0, width: length, leftBorder: left, rightBorder: pad - left }];
  }
  if (length === w) return [{ left: 0, width: w, leftBorder: 0, rightBorder: 0 }];

  const wE = w - d;
  const wI = w - 2 * d;
  const omega = Math.max(0, length - 2 * wE);
  const n = Math.ceil(omega / wI) + 2;
  const nu = 2 * n - 2;
  const excess = 2 * wE + (n - 2) * wI - length;
  const f = excess / nu + d;
  const cb = new Array<number>(nu + 1);
  for (let j = 0; j <= nu; j++) cb[j] = Math.floor(j * f);
  const x = new Array<number>(n + 1);
  x[0] = 0;
  x[n] = length;
  for (let i = 1; i < n; i++) x[i] = i * w - (cb[2 * i - 1] as number);

  const tiles: Tile1D[] = [];
  for (let k = 0; k < n; k++) {
    const left = x[k] as number;
    const width = (x[k + 1] as number) - left;
    const t = w - width;
    const leftBorder = k === 0 ? 0 : k === n - 1 ? t : (cb[2 * k] as number) - (cb[2 * k - 1] as number);
    tiles.push({ left, width, leftBorder, rightBorder: t - leftBorder });
  }
  return tiles;
}
