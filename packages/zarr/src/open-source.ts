import {
  cachedReader, ImagingError, openTiff, outputSamples, readImage, sniffFormat, type ImageStack, type RandomAccessReader, type ReadLimits,
} from '@tessera/imaging';
import type { PlaneSource } from './write-pyramid';

export interface OpenedSource extends PlaneSource {
  format: 'tiff' | 'png' | 'jpeg';
  channelNames?: string[];
  channelColors?: string[];
  physicalSizeX?: number;
  physicalSizeY?: number;
  physicalSizeZ?: number;
}

export interface SourceLimits extends ReadLimits {
  /** Most samples (width × height × C × Z × T) an image may declare. */
  maxPixels: number;
}

/**
 * Opens an uploaded file for streaming ingest. TIFF is read band by band through `reader` (large read-ahead blocks,
 * so S3 sees few ranged GETs); PNG and JPEG (small by nature) are decoded in memory after a size check.
 */
export async function openSource(reader: RandomAccessReader, size: number, limits: SourceLimits): Promise<OpenedSource> {
  const head = await reader(0, Math.min(size, 16));
  const format = sniffFormat(head);
  if (format === 'tiff') {
    const tiff = await openTiff(cachedReader(reader, 8 * 2 ** 20, 24), limits);
    const l = tiff.layout;
    assertPixels(l.width * l.height * l.sizeC * l.sizeZ * l.sizeT, limits);
    return {
      format, width: l.width, height: l.height, sizeC: l.sizeC, sizeZ: l.sizeZ, sizeT: l.sizeT, dtype: l.dtype,
      channelNames: l.channelNames, channelColors: l.channelColors,
      physicalSizeX: l.physicalSizeX, physicalSizeY: l.physicalSizeY, physicalSizeZ: l.physicalSizeZ,
      readRows: (z, t, y, rows, into) => tiff.readPlane(z, t, { x: 0, y, width: l.width, height: rows }, into),
    };
  }
  if (format === 'png' || format === 'jpeg') {
    const max = limits.maxBytes ?? 2 ** 30;
    if (size > max) throw new ImagingError('too-large', `This ${format.toUpperCase()} file is too large (over ${Math.round(max / 2 ** 20)} MiB).`);
    const bytes = await reader(0, size);
    const stack = format === 'png' ? readImage(bytes, limits) : await decodeJpeg(bytes, limits);
    assertPixels(stack.width * stack.height * stack.sizeC * stack.sizeZ * stack.sizeT, limits);
    return { format, ...stackSource(stack) };
  }
  return Promise.reject(readImageError(head));
}

function readImageError(head: Uint8Array): unknown {
  try {
    readImage(head);
  } catch (e) {
    return e;
  }
  return new ImagingError('unknown-format', 'This file is not an image format we can read.');
}

function assertPixels(samples: number, limits: SourceLimits) {
  if (!(samples <= limits.maxPixels)) {
    throw new ImagingError(
      'too-large',
      `This image declares ${samples.toLocaleString('en')} pixel values, over this server's limit of ${limits.maxPixels.toLocaleString('en')}. If the file is genuine, ask an administrator to raise the limit.`,
    );
  }
}

export function stackSource(stack: ImageStack): Omit<OpenedSource, 'format'> {
  const { width, sizeC } = stack;
  return {
    width, height: stack.height, sizeC, sizeZ: stack.sizeZ, sizeT: stack.sizeT, dtype: stack.dtype,
    channelNames: stack.channelNames, channelColors: stack.channelColors,
    physicalSizeX: stack.physicalSizeX, physicalSizeY: stack.physicalSizeY, physicalSizeZ: stack.physicalSizeZ,
    readRows: async (z, t, y, rows, into) => {
      const plane = stack.planes[t * stack.sizeZ + z]!;
      const rowsData = plane.data.subarray(y * width * sizeC, (y + rows) * width * sizeC);
      // a copy: the pyramid takes it over
      const data = outputSamples(stack.dtype, rowsData.length, into);
      data.set(rowsData);
      return { width, height: rows, channels: sizeC, dtype: stack.dtype, data };
    },
  };
}

async function decodeJpeg(bytes: Uint8Array, limits: SourceLimits): Promise<ImageStack> {
  const { default: sharp } = await import('sharp');
  try {
    const img = sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'error' });
    const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
    const raster = { width: info.width, height: info.height, channels: info.channels, dtype: 'uint8' as const, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
    return { width: info.width, height: info.height, sizeC: info.channels, sizeZ: 1, sizeT: 1, dtype: 'uint8', planes: [raster] };
  } catch (e) {
    const msg = (e as Error).message;
    if (/pixel limit/i.test(msg)) throw new ImagingError('too-large', "This JPEG is larger than this server's pixel limit.");
    throw new ImagingError('corrupt', 'This JPEG file is damaged or truncated and cannot be read.', { cause: e });
  }
}
