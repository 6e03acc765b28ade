import { inflateSync } from 'node:zlib';
import { ImagingError } from '../errors';
import { COMPRESSION } from './tiff-tags';

const damaged = (what: string) =>
  new ImagingError('corrupt', `This TIFF file is damaged: ${what}. Try re-exporting it from the acquisition software.`);

/**
 * Decompresses one strip or tile into exactly `expected` bytes. Output never grows past `expected`, so a small
 * block cannot expand into gigabytes. Short output (some writers stop early) is zero-padded.
 */
export function decompressChunk(input: Uint8Array, compression: number, expected: number): Uint8Array {
  switch (compression) {
    case COMPRESSION.none:
      if (input.length < expected) throw damaged('a block of pixels is shorter than declared');
      return input.length === expected ? input : input.subarray(0, expected);
    case COMPRESSION.lzw:
      return decodeLzw(input, expected);
    case COMPRESSION.deflate:
    case COMPRESSION.adobeDeflate:
      return inflate(input, expected);
    case COMPRESSION.packBits:
      return decodePackBits(input, expected);
    default:
      throw new ImagingError('unsupported', `This TIFF uses an unsupported compression scheme (code ${compression}).`);
  }
}

function inflate(input: Uint8Array, expected: number): Uint8Array {
  let raw: Uint8Array;
  try {
    raw = inflateSync(input, { maxOutputLength: Math.max(expected, 1) });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw damaged('a compressed block expands to more data than declared');
    throw damaged('a Deflate-compressed block cannot be decompressed');
  }
  if (raw.length === expected) return raw;
  const out = new Uint8Array(expected);
  out.set(raw.subarray(0, expected));
  return out;
}

export function decodePackBits(input: Uint8Array, expected: number): Uint8Array {
  const out = new Uint8Array(expected);
  let i = 0;
  let o = 0;
  while (i < input.length && o < expected) {
    const n = (input[i++]! << 24) >> 24;
    if (n >= 0) {
      const len = Math.min(n + 1, expected - o, input.length - i);
      out.set(input.subarray(i, i + len), o);
      i += n + 1;
      o += len;
    } else if (n !== -128) {
      const len = Math.min(1 - n, expected - o);
      out.fill(input[i++] ?? 0, o, o + len);
      o += len;
    }
  }
  return out;
}

/** TIFF LZW (MSB-first codes, 9–12 bits, "early change"), as in libtiff. */
export function decodeLzw(input: Uint8Array, expected: number): Uint8Array {
  if (input.length >= 2 && input[0] === 0 && (input[1]! & 1) === 1) {
    throw new ImagingError('unsupported', 'This TIFF uses an old, pre-1992 variant of LZW compression, which is not supported.');
  }
  const out = new Uint8Array(expected);
  const prefix = new Int16Array(4096);
  const suffix = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  const first = new Uint8Array(4096);
  for (let i = 0; i < 256; i++) {
    suffix[i] = i;
    first[i] = i;
    length[i] = 1;
    prefix[i] = -1;
  }
  let o = 0;
  let bitPos = 0;
  const totalBits = input.length * 8;
  let width = 9;
  let next = 258;
  let old = -1;
  const emit = (code: number): void => {
    const len = length[code]!;
    let end = o + len - 1;
    let c = code;
    // write the string backwards; bytes beyond `expected` are dropped
    while (c >= 0) {
      if (end < expected) out[end] = suffix[c]!;
      end--;
      c = prefix[c]!;
    }
    o += len;
  };
  while (o < expected && bitPos + width <= totalBits) {
    const byte = bitPos >>> 3;
    const word = ((input[byte]! << 16) | ((input[byte + 1] ?? 0) << 8) | (input[byte + 2] ?? 0)) >>> 0;
    const code = (word >>> (24 - (bitPos & 7) - width)) & ((1 << width) - 1);
    bitPos += width;
    if (code === 257) break;
    if (code === 256) {
      width = 9;
      next = 258;
      old = -1;
      continue;
    }
    if (old === -1) {
      if (code > 255) throw damaged('its LZW-compressed data is invalid');
      emit(code);
      old = code;
      continue;
    }
    if (code < next) {
      emit(code);
      if (next < 4096) add(old, first[code]!);
    } else if (code === next) {
      if (next < 4096) add(old, first[old]!);
      emit(code);
    } else {
      throw damaged('its LZW-compressed data is invalid');
    }
    old = code;
    if (next + 1 >= 1 << width && width < 12) width++;
  }
  return out;

  function add(pre: number, ch: number): void {
    prefix[next] = pre;
    suffix[next] = ch;
    length[next] = length[pre]! + 1;
    first[next] = first[pre]!;
    next++;
  }
}

/** Undoes TIFF predictor 2 (horizontal differencing) in place on native-order samples, row by row. */
export function undoHorizontalPredictor(
  samples: Uint8Array | Uint16Array | Uint32Array | Int8Array | Int16Array | Int32Array,
  rowLength: number,
  stride: number,
): void {
  for (let row = 0; row + rowLength <= samples.length; row += rowLength) {
    for (let i = row + stride; i < row + rowLength; i++) samples[i]! += samples[i - stride]!;
  }
}

/**
 * Undoes TIFF predictor 3 (floating point): bytes of each row are accumulated with stride `stride`, then
 * un-shuffled from most-significant-byte planes. Returns little-endian (native) sample bytes.
 */
export function undoFloatPredictor(bytes: Uint8Array, rowSamples: number, stride: number, bytesPer: number): Uint8Array {
  const rowBytes = rowSamples * bytesPer;
  const out = new Uint8Array(bytes.length);
  for (let row = 0; row + rowBytes <= bytes.length; row += rowBytes) {
    const tmp = bytes.slice(row, row + rowBytes);
    for (let i = stride; i < rowBytes; i++) tmp[i] = (tmp[i]! + tmp[i - stride]!) & 0xff;
    for (let s = 0; s < rowSamples; s++) {
      for (let b = 0; b < bytesPer; b++) out[row + s * bytesPer + b] = tmp[(bytesPer - b - 1) * rowSamples + s]!;
    }
  }
  return out;
}
