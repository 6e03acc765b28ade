import type { DType, ImageStack, Raster, TypedArray } from '@tessera/imaging';

export type { DType, TypedArray, Raster } from '@tessera/imaging';

/** A Z/T stack of planes, planes[t * sizeZ + z]: the part of @tessera/imaging's ImageStack that inference reads. */
export type RasterStack = Pick<ImageStack, 'width' | 'height' | 'sizeC' | 'sizeZ' | 'sizeT' | 'dtype' | 'planes'>;

export interface Rect { x: number; y: number; w: number; h: number }

/**
 * Reads parts of a plane that need not fit in memory. `readRegion` returns a raster of exactly rect.w x rect.h
 * (the rect always lies inside the image). Used for band-wise processing with bounded memory.
 */
export interface RegionSource {
  width: number;
  height: number;
  channels: number;
  dtype: DType;
  readRegion(rect: Rect): Raster | Promise<Raster>;
}

export const DTYPE_MAX: Record<DType, number> = {
  uint8: 255, uint16: 65535, uint32: 4294967295, int8: 127, int16: 32767, int32: 2147483647, float32: 1, float64: 1,
};

export const DTYPE_MIN: Record<DType, number> = {
  uint8: 0, uint16: 0, uint32: 0, int8: -128, int16: -32768, int32: -2147483648, float32: -Infinity, float64: -Infinity,
};

const CTORS = {
  uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array, int8: Int8Array,
  int16: Int16Array, int32: Int32Array, float32: Float32Array, float64: Float64Array,
} as const;

export function allocateSamples(dtype: DType, length: number): TypedArray {
  return new CTORS[dtype](length);
}

export function isFloatDType(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'float64';
}

/** Smallest unsigned integer dtype that holds 0..maxValue. */
export function labelDType(maxValue: number): 'uint8' | 'uint16' | 'uint32' {
  return maxValue <= 255 ? 'uint8' : maxValue <= 65535 ? 'uint16' : 'uint32';
}
