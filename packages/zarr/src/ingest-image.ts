import { ImagingError, type DType, type Histogram, type RandomAccessReader } from '@tessera/imaging';
import { defaultColors, makeThumbnail } from './thumbnail';
import { levelZarray, omeZarrAttrs, type PyramidShape } from './ome-zarr-metadata';
import { openSource, type SourceLimits } from './open-source';
import { writePyramid, type ObjectSink } from './write-pyramid';
import { levelCompressor, type Compression, type LevelCompressor } from './chunk-codec';

export interface IngestOptions {
  /** The uploaded file, read by ranges (e.g. S3 ranged GETs). */
  reader: RandomAccessReader;
  size: number;
  name: string;
  /** Receives every pyramid object under keys relative to the pyramid root ('.zattrs', '0/.zarray', '0/0/0/0/3/4'…). */
  sink: ObjectSink;
  limits: SourceLimits;
  chunkSize?: number;
  compression?: Compression;
  concurrency?: number;
  /** Pyramid worker threads (see WritePyramidOptions.workers). */
  workers?: number;
  onProgress?: (fraction: number) => void;
}

export interface IngestedChannel {
  name: string;
  color: string;
  min: number;
  max: number;
  histogram: Pick<Histogram, 'counts' | 'edges' | 'min' | 'max' | 'total'>;
  contrast: [number, number];
}

export interface IngestResult {
  format: 'tiff' | 'png' | 'jpeg';
  width: number;
  height: number;
  sizeC: number;
  sizeZ: number;
  sizeT: number;
  dtype: DType;
  physicalSizeX?: number;
  physicalSizeY?: number;
  physicalSizeZ?: number;
  channels: IngestedChannel[];
  levels: { width: number; height: number; downsample: number; compressor: LevelCompressor }[];
  chunkSize: number;
  chunksWritten: number;
  /** 8-bit RGB PNG, longest side ≤ 256. */
  thumbnail: Uint8Array;
}

const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

/**
 * Decodes an uploaded image and writes it as an OME-Zarr (NGFF 0.4) pyramid in its original dtype, then the
 * metadata files last (so a pyramid with `.zattrs` is complete). Errors are ImagingErrors with user-facing messages.
 */
export async function ingestImage(opts: IngestOptions): Promise<IngestResult> {
  let src;
  try {
    src = await openSource(opts.reader, opts.size, opts.limits);
  } catch (e) {
    throw asImagingError(e);
  }
  const pyramid = await writePyramid(src, opts.sink, {
    chunkSize: opts.chunkSize, compression: opts.compression, concurrency: opts.concurrency, workers: opts.workers, onProgress: opts.onProgress,
  }).catch((e: unknown) => { throw asImagingError(e); });
  const colors = src.channelColors?.length === src.sizeC ? src.channelColors : defaultColors(src.sizeC);
  const channels: IngestedChannel[] = pyramid.stats.map((s, c) => ({
    name: src.channelNames?.[c] || (src.sizeC === 1 ? 'Intensity' : `Channel ${c + 1}`),
    color: colors[c] ?? '#ffffff',
    min: s.min,
    max: s.max,
    histogram: { counts: s.histogram.counts, edges: s.histogram.edges, min: s.histogram.min, max: s.histogram.max, total: s.histogram.total },
    contrast: s.contrast,
  }));
  const shape: PyramidShape = {
    width: src.width, height: src.height, sizeC: src.sizeC, sizeZ: src.sizeZ, sizeT: src.sizeT, dtype: src.dtype,
    chunkSize: pyramid.chunkSize, compression: pyramid.compression, levels: pyramid.levels,
  };
  await Promise.all(pyramid.levels.map((_, i) => opts.sink(`${i}/.zarray`, json(levelZarray(shape, i)))));
  await opts.sink('.zgroup', json({ zarr_format: 2 }));
  await opts.sink('.zattrs', json(omeZarrAttrs({
    name: opts.name, shape,
    channels: channels.map((c) => ({ name: c.name, color: c.color, window: { start: c.contrast[0], end: c.contrast[1], min: c.min, max: c.max } })),
    physicalSizeX: src.physicalSizeX, physicalSizeY: src.physicalSizeY, physicalSizeZ: src.physicalSizeZ,
  })));
  return {
    format: src.format, width: src.width, height: src.height, sizeC: src.sizeC, sizeZ: src.sizeZ, sizeT: src.sizeT, dtype: src.dtype,
    physicalSizeX: src.physicalSizeX, physicalSizeY: src.physicalSizeY, physicalSizeZ: src.physicalSizeZ,
    channels,
    levels: pyramid.levels.map((l, i) => ({ ...l, downsample: 2 ** i, compressor: levelCompressor(pyramid.compression) })),
    chunkSize: pyramid.chunkSize,
    chunksWritten: pyramid.chunksWritten,
    thumbnail: makeThumbnail(pyramid.smallest, channels),
  };
}

/** Anything the decoder trips on becomes an ImagingError a user can read; storage errors pass through. */
function asImagingError(e: unknown): unknown {
  if (e instanceof ImagingError) return e;
  if (e instanceof RangeError) return new ImagingError('corrupt', 'This image file is damaged or has impossible sizes and cannot be read.', { cause: e });
  return e;
}
