import { PNG } from 'pngjs';
import { ImagingError } from '../errors';
import { checkSize } from '../tiff/read-region';
import type { ImageStack, ReadLimits } from '../types';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function isPng(head: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => head[i] === b);
}

/**
 * Decodes a PNG: grey, grey+alpha, RGB, RGBA (8 or 16-bit) and palette images (expanded to RGB, or RGBA when the
 * palette has transparency). Grey images of 1, 2 or 4 bits keep their raw values (0..2^bits-1) as uint8.
 */
export function readPng(bytes: Uint8Array, limits?: ReadLimits): ImageStack {
  if (!isPng(bytes)) throw new ImagingError('unknown-format', 'This is not a PNG file.');
  if (bytes.length < 33) throw new ImagingError('truncated', 'The PNG file ends too early; it was probably cut off during upload or copying.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const depth = bytes[24]!;
  const colorType = bytes[25]!;
  if (width === 0 || height === 0) throw new ImagingError('corrupt', 'This PNG file is damaged: it declares an empty image.');
  checkSize(width * height * 4, depth === 16 ? 2 : 1, limits, 'PNG image');
  let png: PNG;
  try {
    png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { skipRescale: true });
  } catch (e) {
    const msg = String((e as Error).message ?? e);
    const truncated = /unexpected end|end of|too short|No more data|buffer/i.test(msg);
    throw new ImagingError(
      truncated ? 'truncated' : 'corrupt',
      truncated ? 'The PNG file ends too early; it was probably cut off during upload or copying.' : `This PNG file is damaged and cannot be read (${msg}).`,
      { cause: e },
    );
  }
  const rgba = png.data as unknown as Uint8Array | Uint16Array;
  const alpha = (png as unknown as { alpha: boolean }).alpha;
  const picks: Record<number, number[]> = { 0: [0], 4: [0, 3], 2: [0, 1, 2], 6: [0, 1, 2, 3], 3: alpha ? [0, 1, 2, 3] : [0, 1, 2] };
  const pick = picks[colorType];
  if (!pick) throw new ImagingError('corrupt', `This PNG file is damaged: unknown colour type ${colorType}.`);
  const sixteen = depth === 16 && colorType !== 3;
  const channels = pick.length;
  const n = width * height;
  const data = sixteen ? new Uint16Array(n * channels) : new Uint8Array(n * channels);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < channels; c++) data[i * channels + c] = rgba[i * 4 + pick[c]!]!;
  }
  const dtype = sixteen ? 'uint16' : 'uint8';
  return { width, height, sizeC: channels, sizeZ: 1, sizeT: 1, dtype, planes: [{ width, height, channels, dtype, data }] };
}
