/** Error thrown for invalid tiling input; `code` is stable, `message` matches cztile's wording. */
export class TilingError extends Error {
  readonly code: TilingErrorCode;
  constructor(code: TilingErrorCode, message: string) {
    super(message);
    this.name = 'TilingError';
    this.code = code;
  }
}

export type TilingErrorCode =
  | 'NOT_INTEGER'
  | 'TILE_LENGTH_NOT_POSITIVE'
  | 'BORDER_NEGATIVE'
  | 'BORDER_TOO_LARGE'
  | 'REGION_INVALID'
  | 'SHAPE_MISMATCH';
