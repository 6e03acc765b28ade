/** TIFF tag numbers this package reads or writes. */
export const TAG = {
  NewSubfileType: 254,
  ImageWidth: 256,
  ImageLength: 257,
  BitsPerSample: 258,
  Compression: 259,
  Photometric: 262,
  ImageDescription: 270,
  StripOffsets: 273,
  SamplesPerPixel: 277,
  RowsPerStrip: 278,
  StripByteCounts: 279,
  XResolution: 282,
  YResolution: 283,
  PlanarConfiguration: 284,
  ResolutionUnit: 296,
  Software: 305,
  Predictor: 317,
  TileWidth: 322,
  TileLength: 323,
  TileOffsets: 324,
  TileByteCounts: 325,
  ExtraSamples: 338,
  SampleFormat: 339,
} as const;

/** Tags whose values are loaded; the rest are skipped without being read (some are megabytes of vendor data). */
export const LOADED_TAGS = new Set<number>(Object.values(TAG));

/** Field type → size in bytes. */
export const TYPE_SIZE: Record<number, number> = {
  1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4, 16: 8, 17: 8, 18: 8,
};

export const COMPRESSION = { none: 1, lzw: 5, deflate: 8, adobeDeflate: 32946, packBits: 32773 } as const;

/** Names of compressions we recognise but cannot decode, for error messages. */
export const UNSUPPORTED_COMPRESSION: Record<number, string> = {
  2: 'CCITT Group 3 (fax)',
  3: 'CCITT Group 3 (fax)',
  4: 'CCITT Group 4 (fax)',
  6: 'old-style JPEG',
  7: 'JPEG',
  33003: 'JPEG 2000 (Aperio)',
  33005: 'JPEG 2000 (Aperio)',
  34712: 'JPEG 2000',
  34887: 'LERC',
  34925: 'LZMA',
  34933: 'PNG',
  34934: 'JPEG XR',
  50000: 'Zstandard',
  50001: 'WebP',
  50002: 'JPEG XL',
};
