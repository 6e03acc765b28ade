import type { DType } from '@tessera/imaging';
import { zarrCompressor, type Compression } from './chunk-codec';

/** Zarr v2 dtype strings (little-endian) for each sample type. */
export const ZARR_DTYPE: Record<DType, string> = {
  uint8: '|u1',
  uint16: '<u2',
  uint32: '<u4',
  int8: '|i1',
  int16: '<i2',
  int32: '<i4',
  float32: '<f4',
  float64: '<f8',
};

export interface PyramidShape {
  width: number;
  height: number;
  sizeC: number;
  sizeZ: number;
  sizeT: number;
  dtype: DType;
  chunkSize: number;
  /** Chunk codec (see chunk-codec.ts). */
  compression: Compression;
  /** Level sizes, level 0 first; each level halves the previous one (ceil). */
  levels: { width: number; height: number }[];
}

export interface ChannelInfo {
  name: string;
  /** '#rrggbb' */
  color: string;
  /** Display window [start, end] (e.g. auto-contrast) and the data range [min, max]. */
  window: { start: number; end: number; min: number; max: number };
}

export interface OmeZarrAttrsInput {
  name: string;
  shape: PyramidShape;
  channels: ChannelInfo[];
  physicalSizeX?: number;
  physicalSizeY?: number;
  physicalSizeZ?: number;
}

/** `.zarray` of one level: 5D (t, c, z, y, x), one chunk per (t, c, z) of chunkSize² pixels. */
export function levelZarray(shape: PyramidShape, level: number): Record<string, unknown> {
  const l = shape.levels[level];
  if (!l) throw new RangeError(`level ${level} does not exist`);
  return {
    zarr_format: 2,
    shape: [shape.sizeT, shape.sizeC, shape.sizeZ, l.height, l.width],
    chunks: [1, 1, 1, shape.chunkSize, shape.chunkSize],
    dtype: ZARR_DTYPE[shape.dtype],
    compressor: zarrCompressor(shape.compression),
    fill_value: 0,
    order: 'C',
    filters: null,
    dimension_separator: '/',
  };
}

/** The group's `.zattrs`: OME-NGFF 0.4 `multiscales` (scale transforms in µm when known) and `omero` channels. */
export function omeZarrAttrs(input: OmeZarrAttrsInput): Record<string, unknown> {
  const { shape } = input;
  const px = input.physicalSizeX ?? 1;
  const py = input.physicalSizeY ?? input.physicalSizeX ?? 1;
  const pz = input.physicalSizeZ ?? 1;
  const unit = input.physicalSizeX ? 'micrometer' : undefined;
  const space = (name: string) => ({ name, type: 'space', ...(unit ? { unit } : {}) });
  return {
    multiscales: [
      {
        version: '0.4',
        name: input.name,
        axes: [{ name: 't', type: 'time' }, { name: 'c', type: 'channel' }, space('z'), space('y'), space('x')],
        datasets: shape.levels.map((_, i) => ({
          path: String(i),
          coordinateTransformations: [{ type: 'scale', scale: [1, 1, pz, py * 2 ** i, px * 2 ** i] }],
        })),
        type: 'mean',
        metadata: { method: 'downsample2x mean (integers round half up); edges average the pixels that exist' },
      },
    ],
    omero: {
      version: '0.4',
      name: input.name,
      channels: input.channels.map((c) => ({
        label: c.name,
        color: c.color.replace('#', '').toUpperCase(),
        active: true,
        window: c.window,
      })),
      rdefs: { model: input.channels.length > 1 ? 'color' : 'greyscale', defaultZ: 0, defaultT: 0 },
    },
  };
}

/** Object key (relative to the pyramid's prefix) of one chunk. */
export function chunkKey(level: number, t: number, c: number, z: number, cy: number, cx: number): string {
  return `${level}/${t}/${c}/${z}/${cy}/${cx}`;
}

/** Level sizes of a 2× pyramid down to the first level that fits in one chunk (same rule as downsample2x). */
export function levelSizes(width: number, height: number, chunkSize: number): { width: number; height: number }[] {
  const out = [{ width, height }];
  let w = width;
  let h = height;
  while (w > chunkSize || h > chunkSize) {
    w = Math.ceil(w / 2);
    h = Math.ceil(h / 2);
    out.push({ width: w, height: h });
  }
  return out;
}
