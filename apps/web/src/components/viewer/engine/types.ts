import type { Viewport } from '@tessera/tiling';
import type { ChunkCodec } from './chunk-codec';

export type ViewerDType = 'uint8' | 'uint16' | 'uint32' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

export interface ViewerHistogram { counts: number[]; edges: number[]; min: number; max: number; total: number }

/** What the viewer needs to know about an image (the READY image DTO fits this shape). */
export interface ViewerImage {
  width: number;
  height: number;
  sizeC: number;
  sizeZ: number;
  sizeT: number;
  dtype: ViewerDType;
  chunkSize: number;
  /** Level 0 first; downsample = 2^level; compressor as in the level's .zarray (see chunk-codec.ts). */
  levels: { width: number; height: number; downsample: number; compressor?: ChunkCodec }[];
  physicalSizeX?: number | null;
  channels: { name: string; color: string; min: number; max: number; histogram: ViewerHistogram; contrast: [number, number] }[];
}

/** Per-channel display settings; changing them never refetches data. */
export interface ChannelDisplay {
  visible: boolean;
  /** '#rrggbb' */
  color: string;
  min: number;
  max: number;
}

export interface ChunkRef { level: number; t: number; c: number; z: number; cy: number; cx: number }

export const chunkRefKey = (r: ChunkRef) => `${r.level}/${r.t}/${r.c}/${r.z}/${r.cy}/${r.cx}`;

export type { Viewport };
