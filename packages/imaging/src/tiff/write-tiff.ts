import { deflateSync } from 'node:zlib';
import { ImagingError } from '../errors';
import { allocateSamples, bytesPerSample, isIntegerDType, type DType, type ImageStack, type Raster, type TypedArray } from '../types';
import { buildOmeXml } from './ome-xml-write';
import { TAG } from './tiff-tags';
import { serializeTiff, type PageBlob, type TagEntry } from './serialize-tiff';

export interface WriteTiffOptions {
  /** 'deflate' also applies the horizontal predictor to integer samples. Default 'none'. */
  compression?: 'none' | 'deflate';
  /** Force BigTIFF (64-bit offsets). Chosen automatically when the file would pass 4 GiB. */
  bigTiff?: boolean;
  /**
   * Write an OME-TIFF: one single-channel page per (c, z, t) in XYCZT order, with OME-XML on the first page.
   * Default: true when there is more than one channel or plane, or any OME metadata (names, colours, pixel size).
   * With ome: false, channels are stored interleaved in one page per plane (RGB when 3 or 4 channels).
   */
  ome?: boolean;
  software?: string;
  /** Name of the image in OME-XML. */
  name?: string;
}

const SAMPLE_FORMAT: Record<DType, number> = { uint8: 1, uint16: 1, uint32: 1, int8: 2, int16: 2, int32: 2, float32: 3, float64: 3 };
const STRIP_BYTES = 64 * 1024;

export function toStack(image: Raster | ImageStack): ImageStack {
  if ('planes' in image) return image;
  return { width: image.width, height: image.height, sizeC: image.channels, sizeZ: 1, sizeT: 1, dtype: image.dtype, planes: [image] };
}

function extractChannel(plane: Raster, c: number): TypedArray {
  if (plane.channels === 1) return plane.data;
  const n = plane.width * plane.height;
  const out = allocateSamples(plane.dtype, n);
  for (let i = 0, j = c; i < n; i++, j += plane.channels) out[i] = plane.data[j]!;
  return out;
}

/** Encodes a raster or a stack as TIFF / OME-TIFF, little-endian, in strips of about 64 KiB. */
export function writeTiff(image: Raster | ImageStack, options: WriteTiffOptions = {}): Uint8Array {
  const stack = toStack(image);
  const { width, height, sizeC, sizeZ, sizeT, dtype } = stack;
  if (stack.planes.length !== sizeZ * sizeT) throw new ImagingError('invalid-argument', `Expected ${sizeZ * sizeT} planes, got ${stack.planes.length}.`);
  for (const p of stack.planes) {
    if (p.width !== width || p.height !== height || p.channels !== sizeC || p.dtype !== dtype || p.data.length !== width * height * sizeC) {
      throw new ImagingError('invalid-argument', 'Every plane must match the stack size, channel count and dtype.');
    }
  }
  const ome =
    options.ome ??
    (sizeC > 1 || sizeZ * sizeT > 1 || stack.channelNames !== undefined || stack.channelColors !== undefined || stack.physicalSizeX !== undefined);
  const deflate = options.compression === 'deflate';
  const pages: PageBlob[] = [];
  const common = (spp: number, photometric: number, extra: number[]) => {
    const tags: TagEntry[] = [
      [TAG.NewSubfileType, 4, [0]],
      [TAG.ImageWidth, 4, [width]],
      [TAG.ImageLength, 4, [height]],
      [TAG.BitsPerSample, 3, new Array(spp).fill(bytesPerSample(dtype) * 8)],
      [TAG.Compression, 3, [deflate ? 8 : 1]],
      [TAG.Photometric, 3, [photometric]],
      [TAG.SamplesPerPixel, 3, [spp]],
      [TAG.PlanarConfiguration, 3, [1]],
      [TAG.Software, 2, options.software ?? 'Tessera'],
      [TAG.SampleFormat, 3, new Array(spp).fill(SAMPLE_FORMAT[dtype])],
    ];
    if (deflate && isIntegerDType(dtype)) tags.push([TAG.Predictor, 3, [2]]);
    if (extra.length > 0) tags.push([TAG.ExtraSamples, 3, extra]);
    if (stack.physicalSizeX !== undefined && stack.physicalSizeY !== undefined) {
      tags.push([TAG.XResolution, 5, [1e4 / stack.physicalSizeX]], [TAG.YResolution, 5, [1e4 / stack.physicalSizeY]], [TAG.ResolutionUnit, 3, [3]]);
    }
    return tags;
  };
  if (ome) {
    const xml = buildOmeXml(stack, options.name);
    for (const plane of stack.planes) {
      for (let c = 0; c < sizeC; c++) {
        const tags = common(1, 1, []);
        if (pages.length === 0) tags.push([TAG.ImageDescription, 2, xml]);
        pages.push({ tags, strips: encodeStrips(extractChannel(plane, c), width, height, 1, dtype, deflate) });
      }
    }
  } else {
    const rgb = sizeC === 3 || sizeC === 4;
    const extra = new Array<number>(sizeC - (rgb ? 3 : 1)).fill(sizeC === 4 ? 2 : 0);
    for (const plane of stack.planes) {
      pages.push({ tags: common(sizeC, rgb ? 2 : 1, extra), strips: encodeStrips(plane.data, width, height, sizeC, dtype, deflate) });
    }
  }
  return serializeTiff(pages, options.bigTiff);
}

function encodeStrips(samples: TypedArray, width: number, height: number, spp: number, dtype: DType, deflate: boolean): { rowsPerStrip: number; blobs: Uint8Array[] } {
  const rowSamples = width * spp;
  const rowBytes = rowSamples * bytesPerSample(dtype);
  const rowsPerStrip = Math.max(1, Math.min(height, Math.floor(STRIP_BYTES / rowBytes)));
  const blobs: Uint8Array[] = [];
  for (let y = 0; y < height; y += rowsPerStrip) {
    const rows = Math.min(rowsPerStrip, height - y);
    let part: TypedArray = samples.slice(y * rowSamples, (y + rows) * rowSamples);
    if (deflate && isIntegerDType(dtype)) part = applyHorizontalPredictor(part, rowSamples, spp);
    const bytes = new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
    blobs.push(deflate ? deflateSync(bytes, { level: 6 }) : bytes);
  }
  return { rowsPerStrip, blobs };
}

function applyHorizontalPredictor(samples: TypedArray, rowSamples: number, stride: number): TypedArray {
  for (let row = 0; row < samples.length; row += rowSamples) {
    for (let i = row + rowSamples - 1; i >= row + stride; i--) samples[i] = samples[i]! - samples[i - stride]!;
  }
  return samples;
}
