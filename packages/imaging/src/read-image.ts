import { ImagingError } from './errors';
import { isPng, readPng } from './png/read-png';
import { isTiff } from './tiff/parse-tiff';
import { readTiff } from './tiff/open-tiff';
import type { ImageStack, ReadLimits } from './types';

export type ImageFormat = 'tiff' | 'png' | 'jpeg' | 'czi' | 'unknown';

/** Identifies a file by its first bytes (never by its name). */
export function sniffFormat(head: Uint8Array): ImageFormat {
  if (isTiff(head)) return 'tiff';
  if (isPng(head)) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (new TextDecoder().decode(head.subarray(0, 10)) === 'ZISRAWFILE') return 'czi';
  return 'unknown';
}

/** Decodes a TIFF / OME-TIFF / BigTIFF or PNG held in memory. Throws ImagingError for anything it cannot read. */
export function readImage(bytes: Uint8Array, limits?: ReadLimits): ImageStack {
  const format = sniffFormat(bytes);
  try {
    switch (format) {
      case 'tiff':
        return readTiff(bytes, limits);
      case 'png':
        return readPng(bytes, limits);
      case 'jpeg':
        throw new ImagingError('unsupported', 'JPEG images are not supported yet. Please convert the image to TIFF or PNG.');
      case 'czi':
        throw new ImagingError('unsupported', 'ZEISS CZI files are not supported yet. Please export the image as OME-TIFF.');
      default:
        throw new ImagingError('unknown-format', 'This file is not an image format we can read. Supported formats: TIFF, OME-TIFF, BigTIFF and PNG.');
    }
  } catch (e) {
    if (e instanceof ImagingError) throw e;
    if (e instanceof RangeError) {
      throw new ImagingError('corrupt', 'This image file is damaged or has impossible sizes and cannot be read.', { cause: e });
    }
    throw e;
  }
}
