import { deflateSync } from 'node:zlib';
import { ImagingError } from '../errors';
import type { Raster } from '../types';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(body, 8);
  view.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
  return out;
}

const COLOR_TYPE: Record<number, number> = { 1: 0, 2: 4, 3: 2, 4: 6 };

/** Encodes a uint8 or uint16 raster with 1 (grey), 2 (grey+alpha), 3 (RGB) or 4 (RGBA) channels as PNG. */
export function writePng(raster: Raster, options: { level?: number } = {}): Uint8Array {
  const { width, height, channels, dtype, data } = raster;
  const colorType = COLOR_TYPE[channels];
  if (colorType === undefined || (dtype !== 'uint8' && dtype !== 'uint16')) {
    throw new ImagingError('invalid-argument', `PNG can hold 8 or 16-bit images with 1 to 4 channels, not ${channels}-channel ${dtype}.`);
  }
  if (data.length !== width * height * channels) throw new ImagingError('invalid-argument', 'The raster data length does not match its size.');
  const bytesPer = dtype === 'uint16' ? 2 : 1;
  const pixelBytes = channels * bytesPer;
  const rowBytes = width * pixelBytes;
  const raw = new Uint8Array((rowBytes + 1) * height);
  const row = new Uint8Array(rowBytes);
  for (let y = 0; y < height; y++) {
    const base = y * width * channels;
    if (bytesPer === 1) row.set(data.subarray(base, base + width * channels));
    else {
      for (let i = 0; i < width * channels; i++) {
        const v = data[base + i]!;
        row[2 * i] = v >>> 8;
        row[2 * i + 1] = v & 0xff;
      }
    }
    const at = y * (rowBytes + 1);
    raw[at] = 1; // filter "Sub": difference to the pixel on the left
    for (let i = 0; i < rowBytes; i++) raw[at + 1 + i] = (row[i]! - (i >= pixelBytes ? row[i - pixelBytes]! : 0)) & 0xff;
  }
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr[8] = bytesPer * 8;
  ihdr[9] = colorType;
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: options.level ?? 6 })),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
