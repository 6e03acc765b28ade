import { ImagingError } from '../errors';
import type { DType } from '../types';
import { TAG, tagNumber, tagNumbers, tagString, type Ifd } from './parse-tiff';
import { COMPRESSION, UNSUPPORTED_COMPRESSION } from './tiff-tags';

/** A TIFF page, interpreted: what a decoder needs to know to produce its pixels. */
export interface TiffPage {
  index: number;
  width: number;
  height: number;
  samplesPerPixel: number;
  /** undefined when the sample layout is one we cannot decode; see `unsupportedReason`. */
  dtype: DType | undefined;
  bitsPerSample: number;
  compression: number;
  predictor: number;
  photometric: number;
  /** 1 = chunky (RGBRGB…), 2 = planar (RRR…GGG…). */
  planarConfig: number;
  tiled: boolean;
  /** Strip or tile size in pixels. For strips, chunkWidth = width and chunkHeight = RowsPerStrip. */
  chunkWidth: number;
  chunkHeight: number;
  chunkOffsets: number[];
  chunkByteCounts: number[] | undefined;
  description: string | undefined;
  software: string | undefined;
  /** Bit 0 set: a reduced-resolution copy of another page. */
  newSubfileType: number;
  xResolution: number | undefined;
  yResolution: number | undefined;
  resolutionUnit: number;
  unsupportedReason: string | undefined;
}

const corrupt = (what: string) =>
  new ImagingError('corrupt', `This TIFF file is damaged: ${what}. Try re-exporting it from the acquisition software.`);

function sampleDType(bits: number, format: number): DType | undefined {
  if (format === 3) return bits === 32 ? 'float32' : bits === 64 ? 'float64' : undefined;
  const signed = format === 2;
  if (bits === 8) return signed ? 'int8' : 'uint8';
  if (bits === 16) return signed ? 'int16' : 'uint16';
  if (bits === 32) return signed ? 'int32' : 'uint32';
  return undefined;
}

export function interpretPage(ifd: Ifd, index: number): TiffPage {
  const width = tagNumber(ifd, TAG.ImageWidth) ?? 0;
  const height = tagNumber(ifd, TAG.ImageLength) ?? 0;
  if (!(width > 0 && height > 0)) throw corrupt(`page ${index + 1} has no valid width and height`);
  const spp = tagNumber(ifd, TAG.SamplesPerPixel, 1);
  if (spp < 1 || spp > 1024) throw corrupt(`page ${index + 1} declares ${spp} samples per pixel`);
  const bitsList = tagNumbers(ifd, TAG.BitsPerSample) ?? [1];
  const bits = bitsList[0] ?? 1;
  const format = tagNumbers(ifd, TAG.SampleFormat)?.[0] ?? 1;
  const compression = tagNumber(ifd, TAG.Compression, 1);
  const tiled = ifd.tags.has(TAG.TileWidth);
  const chunkWidth = tiled ? tagNumber(ifd, TAG.TileWidth, 0) : width;
  const rps = tagNumber(ifd, TAG.RowsPerStrip, height);
  const chunkHeight = tiled ? tagNumber(ifd, TAG.TileLength, 0) : Math.min(Math.max(1, rps), height);
  if (!(chunkWidth > 0 && chunkHeight > 0)) throw corrupt(`page ${index + 1} has an invalid tile size`);
  const chunkOffsets = tagNumbers(ifd, tiled ? TAG.TileOffsets : TAG.StripOffsets);
  if (!chunkOffsets) throw corrupt(`page ${index + 1} does not say where its pixels are`);
  let dtype = sampleDType(bits, format === 4 ? 1 : format);
  let unsupportedReason: string | undefined;
  if (bitsList.some((b) => b !== bits)) {
    unsupportedReason = `This TIFF stores channels with different bit depths (${bitsList.join('/')}), which is not supported.`;
  } else if (!dtype) {
    unsupportedReason =
      format === 3 && bits === 16
        ? 'This TIFF uses 16-bit floating-point samples, which are not supported yet.'
        : `This TIFF uses ${bits}-bit samples, which are not supported; 8, 16 and 32-bit integer and 32/64-bit float images are.`;
  } else if (UNSUPPORTED_COMPRESSION[compression] !== undefined) {
    unsupportedReason = `This TIFF uses ${UNSUPPORTED_COMPRESSION[compression]} compression, which is not supported yet. Please save it uncompressed, or with LZW or Deflate compression.`;
  } else if (!(Object.values(COMPRESSION) as number[]).includes(compression)) {
    unsupportedReason = `This TIFF uses an unknown compression scheme (code ${compression}), which is not supported.`;
  } else if (tagNumber(ifd, TAG.Photometric, 1) === 6) {
    unsupportedReason = 'This TIFF stores colour as YCbCr, which is not supported yet. Please save it as RGB.';
  }
  if (unsupportedReason) dtype = undefined;
  const planarConfig = spp > 1 ? tagNumber(ifd, TAG.PlanarConfiguration, 1) : 1;
  return {
    index,
    width,
    height,
    samplesPerPixel: spp,
    dtype,
    bitsPerSample: bits,
    compression,
    predictor: tagNumber(ifd, TAG.Predictor, 1),
    photometric: tagNumber(ifd, TAG.Photometric, 1),
    planarConfig: planarConfig === 2 ? 2 : 1,
    tiled,
    chunkWidth,
    chunkHeight,
    chunkOffsets,
    chunkByteCounts: tagNumbers(ifd, tiled ? TAG.TileByteCounts : TAG.StripByteCounts),
    description: tagString(ifd, TAG.ImageDescription),
    software: tagString(ifd, TAG.Software),
    newSubfileType: tagNumber(ifd, TAG.NewSubfileType, 0),
    xResolution: tagNumber(ifd, TAG.XResolution),
    yResolution: tagNumber(ifd, TAG.YResolution),
    resolutionUnit: tagNumber(ifd, TAG.ResolutionUnit, 2),
    unsupportedReason,
  };
}

/** Chunks (strips or tiles) across, down, and per sample plane. */
export function chunkGrid(page: TiffPage): { across: number; down: number; perPlane: number } {
  const across = Math.ceil(page.width / page.chunkWidth);
  const down = Math.ceil(page.height / page.chunkHeight);
  return { across, down, perPlane: across * down };
}

export function assertDecodable(page: TiffPage): asserts page is TiffPage & { dtype: DType } {
  if (page.unsupportedReason || !page.dtype) {
    throw new ImagingError('unsupported', page.unsupportedReason ?? 'This TIFF page cannot be decoded.');
  }
}

/** Checks the page lists as many strips/tiles as its size needs (call after the size limits are checked). */
export function assertChunkCount(page: TiffPage): void {
  const { perPlane } = chunkGrid(page);
  const needed = perPlane * (page.planarConfig === 2 ? page.samplesPerPixel : 1);
  if (page.chunkOffsets.length < needed) {
    throw corrupt(`page ${page.index + 1} lists ${page.chunkOffsets.length} data blocks but needs ${needed}`);
  }
}
