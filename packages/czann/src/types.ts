export const MODEL_TYPES = [
  'SingleClassInstanceSegmentation',
  'MultiClassInstanceSegmentation',
  'SingleClassSemanticSegmentation',
  'MultiClassSemanticSegmentation',
  'SingleClassClassification',
  'MultiClassClassification',
  'ObjectDetection',
  'Regression',
] as const;
export type ModelType = (typeof MODEL_TYPES)[number];

export const PIXEL_TYPES = [
  'Gray8', 'Gray16', 'Gray32Float', 'Bgr24', 'Bgr48', 'Bgr96Float', 'Bgra32', 'Gray64ComplexFloat', 'Bgr192ComplexFloat',
] as const;
export type PixelType = (typeof PIXEL_TYPES)[number];
export type ColorHandling = 'ConvertToMonochrome' | 'SplitRgb';
export interface Rgb { r: number; g: number; b: number }

export interface ModelMetadata {
  id?: string;
  type: ModelType;
  inputShape: number[];
  outputShape: number[];
  minOverlap?: number[];
  classes?: string[];
  modelName?: string;
  scaling?: [number, number];
  // legacy (.czmodel/.czseg) fields, mapped; undefined for .czann
  classColors?: Rgb[];
  pixelTypes?: string[];
  colorHandling?: ColorHandling;
  scaleInputsByBitdepth?: boolean;
  totalTileHeight?: number;
  totalTileWidth?: number;
  /** Unknown model.json keys, in file order, kept for round-trip. Empty for legacy files. */
  extra: Record<string, unknown>;
}

export type ModelFormat = 'czann' | 'czmodel' | 'czseg';

export interface CzModel {
  format: ModelFormat;
  metadata: ModelMetadata;
  /** The ONNX bytes (may be a view into the caller's buffer when read from a Uint8Array). */
  onnx: Uint8Array;
  license?: string;
  /** Archive entry names each part came from. */
  entries: { metadata: string; onnx: string; license?: string };
  /** The metadata entry's text exactly as stored (model.json or legacy XML). */
  metadataText?: string;
  /** Legacy XML `Model Version` attribute (3.0.0 / 3.1.0); undefined for .czann. */
  legacyVersion?: string;
  /** Modification time stored for the metadata entry (DOS time, local), for byte-faithful rewrites. */
  modified?: Date;
}

/** Caps applied while reading; every one ends in CzannError('LIMIT_EXCEEDED') when hit. */
export interface ReadLimits {
  /** Largest archive accepted (bytes); streams are collected up to this. Default 4 GiB - 1 (no ZIP64). */
  maxArchiveBytes?: number;
  /** Largest uncompressed size of one extracted entry. Default 2 GiB (the protobuf limit). */
  maxEntryBytes?: number;
  /** Largest sum of uncompressed sizes over all entries in the central directory. Default 4 GiB. */
  maxTotalBytes?: number;
  /** Largest uncompressed/compressed ratio for an entry bigger than 1 MiB. Default 200. */
  maxRatio?: number;
  /** Largest model.json / legacy XML / license entry. Default 1 MiB. */
  maxMetadataBytes?: number;
  /** Most entries in the central directory. Default 64. */
  maxEntries?: number;
  /** Deepest XML element nesting (legacy needs 3). Default 16. Also caps JSON nesting. */
  maxDepth?: number;
}

export const DEFAULT_READ_LIMITS: Readonly<Required<ReadLimits>> = Object.freeze({
  maxArchiveBytes: 0xffff_ffff,
  maxEntryBytes: 2 * 1024 ** 3,
  maxTotalBytes: 4 * 1024 ** 3,
  maxRatio: 200,
  maxMetadataBytes: 1024 ** 2,
  maxEntries: 64,
  maxDepth: 16,
});
