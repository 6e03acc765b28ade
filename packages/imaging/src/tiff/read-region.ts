import { ImagingError } from '../errors';
import { readBytes, type Io } from '../io';
import { allocateSamples, bytesPerSample, outputSamples, DEFAULT_LIMITS, viewSamples, type Raster, type ReadLimits, type TypedArray } from '../types';
import { decompressChunk, undoFloatPredictor, undoHorizontalPredictor } from './decompress';
import { assertChunkCount, assertDecodable, chunkGrid, type TiffPage } from './tiff-page';
import { COMPRESSION } from './tiff-tags';

/** A rectangle in pixels, within a page. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function checkSize(samples: number, bytesPer: number, limits: ReadLimits | undefined, what: string): void {
  const maxBytes = limits?.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  const maxPixels = limits?.maxPixels ?? DEFAULT_LIMITS.maxPixels;
  if (samples > maxPixels || samples * bytesPer > maxBytes) {
    const mb = Math.round((samples * bytesPer) / 2 ** 20);
    throw new ImagingError(
      'too-large',
      `This ${what} is too large to open: it would need ${samples.toLocaleString('en')} values (${mb.toLocaleString('en')} MiB) once decompressed, over this server's limit.`,
    );
  }
}

/**
 * Decodes a region of one page (every sample of each pixel), touching only the strips or tiles that overlap it.
 * The result is channels-last with `page.samplesPerPixel` channels.
 */
export function* readRegion(page: TiffPage, littleEndian: boolean, region?: Region, limits?: ReadLimits, into?: TypedArray): Io<Raster> {
  assertDecodable(page);
  const { x, y, width, height } = region ?? { x: 0, y: 0, width: page.width, height: page.height };
  if (![x, y, width, height].every(Number.isInteger) || x < 0 || y < 0 || width < 1 || height < 1 || x + width > page.width || y + height > page.height) {
    throw new ImagingError('invalid-argument', `Region ${x},${y} ${width}×${height} is outside the ${page.width}×${page.height} image.`);
  }
  const { dtype, samplesPerPixel: spp } = page;
  const bps = bytesPerSample(dtype);
  const sampleCount = width * height * spp;
  checkSize(sampleCount, bps, limits, 'image');
  const planar = page.planarConfig === 2;
  const perChunkSamples = planar ? 1 : spp;
  const { across, perPlane } = chunkGrid(page);
  const cw = page.chunkWidth;
  const ch = page.chunkHeight;
  checkSize(cw * ch * perChunkSamples, bps, limits, 'image block');
  assertChunkCount(page);
  if (page.predictor === 2 && dtype.startsWith('float')) {
    throw new ImagingError('unsupported', 'This TIFF combines floating-point samples with an integer predictor, which is not supported.');
  }
  const given = into && outputSamples(dtype, sampleCount, into);
  const direct = contiguousRows(page, littleEndian, x, y, width, height, bps);
  if (direct) {
    const target = given && new Uint8Array(given.buffer, given.byteOffset, direct.length);
    const bytes = yield* readBytes(direct.offset, direct.length, target);
    if (target) {
      if (bytes.buffer !== target.buffer || bytes.byteOffset !== target.byteOffset) target.set(bytes);
      return { width, height, channels: spp, dtype, data: given };
    }
    // the reader's own buffer (a ranged GET) becomes the raster; anything shared with others is copied
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    return { width, height, channels: spp, dtype, data: viewSamples(dtype, own ? bytes : bytes.slice()) };
  }
  const out = given ? given.fill(0) : allocateSamples(dtype, sampleCount);
  const planes = planar ? spp : 1;
  for (let s = 0; s < planes; s++) {
    for (let cy = Math.floor(y / ch); cy * ch < y + height; cy++) {
      for (let cx = Math.floor(x / cw); cx * cw < x + width; cx++) {
        const index = s * perPlane + cy * across + cx;
        const rows = page.tiled ? ch : Math.min(ch, page.height - cy * ch);
        const expected = cw * rows * perChunkSamples * bps;
        const samples = yield* readChunk(page, index, expected, littleEndian);
        if (!samples) continue; // an empty (sparse) block reads as zeros
        const x0 = Math.max(x, cx * cw);
        const x1 = Math.min(x + width, (cx + 1) * cw);
        const y1 = Math.min(y + height, cy * ch + rows);
        for (let r = Math.max(y, cy * ch); r < y1; r++) {
          const src = ((r - cy * ch) * cw + (x0 - cx * cw)) * perChunkSamples;
          const dst = ((r - y) * width + (x0 - x)) * spp + s;
          if (!planar) {
            out.set(samples.subarray(src, src + (x1 - x0) * spp), dst);
          } else {
            for (let i = 0; i < x1 - x0; i++) out[dst + i * spp] = samples[src + i]!;
          }
        }
      }
    }
  }
  return { width, height, channels: spp, dtype, data: out };
}

/**
 * Whole rows of an uncompressed, chunky, stripped page whose strips lie one after another in the file (as most
 * writers store large uncompressed images): the rows are one byte range, read as such (no per-strip copies).
 */
function contiguousRows(page: TiffPage, le: boolean, x: number, y: number, width: number, height: number, bps: number) {
  if (page.tiled || page.compression !== COMPRESSION.none || page.predictor > 1 || x !== 0 || width !== page.width) return undefined;
  if ((page.planarConfig === 2 && page.samplesPerPixel > 1) || (!le && bps > 1)) return undefined;
  const rowBytes = page.width * page.samplesPerPixel * bps;
  const ch = page.chunkHeight;
  const first = Math.floor(y / ch);
  const last = Math.floor((y + height - 1) / ch);
  const start = page.chunkOffsets[first]!;
  for (let s = first; s <= last; s++) {
    const offset = page.chunkOffsets[s];
    const rows = Math.min(ch, page.height - s * ch);
    const count = page.chunkByteCounts?.[s];
    if (!offset || offset !== start + (s - first) * ch * rowBytes || (count !== undefined && count < rows * rowBytes)) return undefined;
  }
  return { offset: start + (y - first * ch) * rowBytes, length: height * rowBytes };
}

function* readChunk(page: TiffPage & { dtype: NonNullable<TiffPage['dtype']> }, index: number, expected: number, le: boolean): Io<TypedArray | undefined> {
  const offset = page.chunkOffsets[index]!;
  const uncompressed = page.compression === COMPRESSION.none;
  let count = page.chunkByteCounts?.[index];
  if (count === undefined) {
    if (!uncompressed) throw new ImagingError('corrupt', 'This TIFF file is damaged: it does not say how large its compressed blocks are.');
    count = expected;
  }
  if (count === 0 || offset === 0) return undefined;
  const raw = yield* readBytes(offset, uncompressed ? Math.min(count, expected) : count);
  let bytes = decompressChunk(raw, page.compression, expected);
  const bps = bytesPerSample(page.dtype);
  const perChunkSamples = page.planarConfig === 2 ? 1 : page.samplesPerPixel;
  const rowSamples = page.chunkWidth * perChunkSamples;
  if (page.predictor === 3) {
    bytes = undoFloatPredictor(bytes, rowSamples, perChunkSamples, bps);
  } else if (!le && bps > 1) {
    bytes = swapBytes(bytes, bps);
  } else if (page.predictor === 2 && bytes === raw) {
    bytes = bytes.slice(); // never modify the caller's buffer
  }
  const samples = viewSamples(page.dtype, bytes);
  if (page.predictor === 2) undoHorizontalPredictor(samples as Uint16Array, rowSamples, perChunkSamples);
  return samples;
}

function swapBytes(bytes: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + size <= bytes.length; i += size) {
    for (let b = 0; b < size; b++) out[i + b] = bytes[i + size - 1 - b]!;
  }
  return out;
}
