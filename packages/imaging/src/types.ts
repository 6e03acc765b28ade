/** Sample types an image plane can hold. */
export type DType = 'uint8' | 'uint16' | 'uint32' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

export type TypedArray =
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Float32Array
  | Float64Array;

/** One 2D plane, channels-last interleaved: value (x, y, c) is data[(y * width + x) * channels + c]. */
export interface Raster {
  width: number;
  height: number;
  channels: number;
  dtype: DType;
  data: TypedArray;
}

/** A 5D image (X, Y, C, Z, T). planes[t * sizeZ + z] holds all sizeC channels of that Z/T position. */
export interface ImageStack {
  width: number;
  height: number;
  sizeC: number;
  sizeZ: number;
  sizeT: number;
  dtype: DType;
  planes: Raster[];
  channelNames?: string[];
  /** '#rrggbb' per channel. */
  channelColors?: string[];
  /** Pixel size in micrometres. */
  physicalSizeX?: number;
  physicalSizeY?: number;
  physicalSizeZ?: number;
}

/** Guards against decompression bombs: checked against the sizes a file declares, before anything is allocated. */
export interface ReadLimits {
  /** Most pixels (width × height × planes) an image may declare. Default 2^31. */
  maxPixels?: number;
  /** Most decoded bytes an image may need in memory. Default 4 GiB. */
  maxBytes?: number;
}

export const DEFAULT_LIMITS: Required<ReadLimits> = { maxPixels: 2 ** 31, maxBytes: 4 * 2 ** 30 };

type TypedArrayCtor = { new (length: number): TypedArray; new (buffer: ArrayBuffer, offset?: number, length?: number): TypedArray; BYTES_PER_ELEMENT: number };

const CTORS: Record<DType, TypedArrayCtor> = {
  uint8: Uint8Array,
  uint16: Uint16Array,
  uint32: Uint32Array,
  int8: Int8Array,
  int16: Int16Array,
  int32: Int32Array,
  float32: Float32Array,
  float64: Float64Array,
};

export const DTYPES = Object.keys(CTORS) as DType[];

export function bytesPerSample(dtype: DType): number {
  return CTORS[dtype].BYTES_PER_ELEMENT;
}

export function allocateSamples(dtype: DType, length: number): TypedArray {
  return new CTORS[dtype](length);
}

/**
 * Where `length` samples of `dtype` are to be written: the start of `into` when a caller hands one in (it must hold
 * `dtype` samples and at least `length` of them), else a new array.
 */
export function outputSamples(dtype: DType, length: number, into?: TypedArray): TypedArray {
  if (!into) return allocateSamples(dtype, length);
  if (!(into instanceof CTORS[dtype]) || into.length < length) throw new RangeError(`an output array of ${length} ${dtype} samples was expected`);
  return into.subarray(0, length);
}

/** A typed view over little- or native-endian bytes (copies when unaligned). */
export function viewSamples(dtype: DType, bytes: Uint8Array): TypedArray {
  const ctor = CTORS[dtype];
  const n = Math.floor(bytes.byteLength / ctor.BYTES_PER_ELEMENT);
  if (bytes.byteOffset % ctor.BYTES_PER_ELEMENT === 0) return new ctor(bytes.buffer as ArrayBuffer, bytes.byteOffset, n);
  const copy = bytes.slice(0, n * ctor.BYTES_PER_ELEMENT);
  return new ctor(copy.buffer as ArrayBuffer, 0, n);
}

export function isIntegerDType(dtype: DType): boolean {
  return !dtype.startsWith('float');
}

/** [min, max] representable by an integer dtype; for floats, [-Infinity, Infinity]. */
export function dtypeRange(dtype: DType): [number, number] {
  switch (dtype) {
    case 'uint8': return [0, 255];
    case 'uint16': return [0, 65535];
    case 'uint32': return [0, 4294967295];
    case 'int8': return [-128, 127];
    case 'int16': return [-32768, 32767];
    case 'int32': return [-2147483648, 2147483647];
    default: return [-Infinity, Infinity];
  }
}

export function createRaster(width: number, height: number, channels: number, dtype: DType): Raster {
  return { width, height, channels, dtype, data: allocateSamples(dtype, width * height * channels) };
}

/**
 * Two uint16 channels, one 32-bit word per pixel (channel 0 in the low half, little-endian), when the samples are
 * 4-byte aligned: the common fluorescence case, where hot loops take a pixel's both values with one load.
 */
export function pixelPairs(raster: Raster): Uint32Array | undefined {
  const { dtype, channels, data } = raster;
  if (dtype !== 'uint16' || channels !== 2 || data.byteOffset % 4 !== 0) return undefined;
  return new Uint32Array(data.buffer, data.byteOffset, data.length / 2);
}
