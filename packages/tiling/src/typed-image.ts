import { TilingError } from './errors';

export type TypedArray =
  | Uint8Array | Uint8ClampedArray | Uint16Array | Uint32Array
  | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

/** A 2D image as a channels-last interleaved typed array (pixel (x, y) channel c at ((y*width)+x)*channels+c). */
export interface ArrayImage<T extends TypedArray = TypedArray> {
  width: number;
  height: number;
  channels: number;
  data: T;
}

/** A 3D image: planes z-major, each plane an ArrayImage layout. */
export interface ArrayVolume<T extends TypedArray = TypedArray> extends ArrayImage<T> {
  depth: number;
}

/** How pixels outside the image are filled: mirror without repeating the edge (numpy 'reflect') or zeros. */
export type Padding = 'reflect' | 'zero';

/** Maps a coordinate to an in-image index (reflect), or -1 for a zero-padded one. */
export function mapIndex(i: number, n: number, padding: Padding): number {
  if (i >= 0 && i < n) return i;
  if (padding === 'zero' || n === 0) return -1;
  if (n === 1) return 0;
  const period = 2 * (n - 1);
  let m = i % period;
  if (m < 0) m += period;
  return m < n ? m : period - m;
}

export function checkImage(img: ArrayImage, what = 'image'): void {
  const need = img.width * img.height * img.channels * ('depth' in img ? (img as ArrayVolume).depth : 1);
  if (img.data.length < need) {
    throw new TilingError('SHAPE_MISMATCH', `The ${what} data holds ${img.data.length} values, its shape needs ${need}.`);
  }
}

/** Allocates a typed array of the same kind as `like`. */
export function allocLike<T extends TypedArray>(like: T, length: number): T {
  const Ctor = like.constructor as new (n: number) => T;
  return new Ctor(length);
}
