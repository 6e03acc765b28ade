import { ImagingError } from '../errors';
import type { DType } from '../types';
import { parseImageJDescription } from './imagej-metadata';
import { isOmeXml, omePlaneIndex, parseOmeXml, type OmeMetadata } from './ome-xml';
import { assertDecodable, type TiffPage } from './tiff-page';
import { COMPRESSION } from './tiff-tags';

/** Which TIFF page holds which channels of each (z, t) plane, plus the metadata the file declares. */
export interface StackLayout {
  width: number;
  height: number;
  sizeC: number;
  sizeZ: number;
  sizeT: number;
  dtype: DType;
  /** planes[t * sizeZ + z]: the pages whose samples, in order, make up that plane's channels. */
  planes: TiffPage[][];
  channelNames?: string[];
  channelColors?: string[];
  physicalSizeX?: number;
  physicalSizeY?: number;
  physicalSizeZ?: number;
  /** How the planes were laid out: which metadata, if any, was used. */
  source: 'ome' | 'imagej' | 'pages';
}

const unsupported = (msg: string) => new ImagingError('unsupported', msg);

export function layoutStack(pages: TiffPage[]): StackLayout {
  const fullRes = pages.filter((p) => (p.newSubfileType & 1) === 0);
  const main = fullRes.length > 0 ? fullRes : pages;
  const first = main[0]!;
  assertDecodable(first);
  const layout = (isOmeXml(first.description) && layoutOme(main, parseOmeXml(first.description))) || layoutImageJ(main) || layoutPages(main);
  for (const plane of layout.planes) {
    for (const p of plane) {
      assertDecodable(p);
      if (p.width !== layout.width || p.height !== layout.height || p.dtype !== layout.dtype) {
        throw unsupported('The pages of this TIFF have different sizes or pixel types, so they cannot be shown as one image.');
      }
    }
  }
  return layout;
}

function base(first: TiffPage): Pick<StackLayout, 'width' | 'height' | 'dtype'> {
  return { width: first.width, height: first.height, dtype: first.dtype! };
}

function layoutOme(main: TiffPage[], ome: OmeMetadata | undefined): StackLayout | undefined {
  const first = main[0]!;
  if (!ome || ome.sizeX !== first.width || ome.sizeY !== first.height) return undefined;
  const spp = first.samplesPerPixel;
  if (ome.sizeC % spp !== 0) return undefined;
  const sizes = { C: ome.sizeC / spp, Z: ome.sizeZ, T: ome.sizeT };
  const count = sizes.C * sizes.Z * sizes.T;
  const ifdOf = new Array<number>(count).fill(-1);
  if (ome.tiffData.length === 0) {
    for (let k = 0; k < count; k++) ifdOf[k] = k;
  }
  for (const td of ome.tiffData) {
    const start = omePlaneIndex(ome.dimensionOrder, sizes, { C: td.firstC, Z: td.firstZ, T: td.firstT });
    const n = td.planeCount ?? (ome.tiffData.length === 1 ? count - start : 1);
    for (let k = 0; k < n && start + k < count; k++) ifdOf[start + k] = td.ifd + k;
  }
  const planes: TiffPage[][] = [];
  for (let t = 0; t < sizes.T; t++) {
    for (let z = 0; z < sizes.Z; z++) {
      const plane: TiffPage[] = [];
      for (let c = 0; c < sizes.C; c++) {
        const page = main[ifdOf[omePlaneIndex(ome.dimensionOrder, sizes, { C: c, Z: z, T: t })]!];
        if (!page) throw unsupported('This OME-TIFF keeps some of its planes in other files (a multi-file OME-TIFF), which is not supported yet. Please upload a single-file OME-TIFF.');
        plane.push(page);
      }
      planes.push(plane);
    }
  }
  const channels = ome.channels.slice(0, sizes.C);
  const perSample = <T>(pick: (ch: OmeMetadata['channels'][number], s: number) => T | undefined) =>
    channels.length === sizes.C && channels.some((ch) => pick(ch, 0) !== undefined)
      ? channels.flatMap((ch) => Array.from({ length: spp }, (_, s) => pick(ch, s)))
      : undefined;
  const names = perSample((ch, s) => (ch.name === undefined ? undefined : spp > 1 ? `${ch.name} ${s + 1}` : ch.name));
  const colors = perSample((ch) => ch.color);
  return {
    ...base(first),
    sizeC: ome.sizeC,
    sizeZ: ome.sizeZ,
    sizeT: ome.sizeT,
    planes,
    channelNames: names?.map((n, i) => n ?? `Channel ${i + 1}`),
    channelColors: colors?.map((c) => c ?? '#ffffff'),
    physicalSizeX: ome.physicalSizeX,
    physicalSizeY: ome.physicalSizeY,
    physicalSizeZ: ome.physicalSizeZ,
    source: 'ome',
  };
}

function layoutImageJ(main: TiffPage[]): StackLayout | undefined {
  const first = main[0]!;
  const ij = parseImageJDescription(first.description);
  if (!ij) return undefined;
  const { channels: C, slices: Z, frames: T } = ij;
  if (C * Z * T !== ij.images) return undefined;
  let pages = main;
  if (pages.length < ij.images) pages = contiguousPages(first, ij.images) ?? pages;
  if (pages.length < ij.images) return undefined;
  const planes: TiffPage[][] = [];
  for (let t = 0; t < T; t++) for (let z = 0; z < Z; z++) planes.push(Array.from({ length: C }, (_, c) => pages[(t * Z + z) * C + c]!));
  const micron = ij.unit !== undefined && ['micron', 'um', 'µm', 'μm'].includes(ij.unit);
  return {
    ...base(first),
    sizeC: C * first.samplesPerPixel,
    sizeZ: Z,
    sizeT: T,
    planes,
    physicalSizeX: micron && first.xResolution ? 1 / first.xResolution : undefined,
    physicalSizeY: micron && first.yResolution ? 1 / first.yResolution : undefined,
    physicalSizeZ: micron ? ij.spacing : undefined,
    source: 'imagej',
  };
}

/** ImageJ writes files over 4 GB with one IFD and the other planes stored back to back after the first. */
function contiguousPages(first: TiffPage, images: number): TiffPage[] | undefined {
  if (first.compression !== COMPRESSION.none || first.tiled || !first.chunkByteCounts) return undefined;
  const offsets = first.chunkOffsets;
  const counts = first.chunkByteCounts;
  for (let i = 1; i < offsets.length; i++) if (offsets[i] !== offsets[i - 1]! + counts[i - 1]!) return undefined;
  const planeBytes = counts.reduce((a, b) => a + b, 0);
  return Array.from({ length: images }, (_, k) => ({
    ...first,
    index: first.index + k,
    chunkOffsets: offsets.map((o) => o + k * planeBytes),
  }));
}

function layoutPages(main: TiffPage[]): StackLayout {
  const first = main[0]!;
  const series: TiffPage[] = [];
  for (const p of main) {
    if (p.width !== first.width || p.height !== first.height || p.dtype !== first.dtype || p.samplesPerPixel !== first.samplesPerPixel) break;
    series.push(p);
  }
  const perCm = first.resolutionUnit === 3;
  return {
    ...base(first),
    sizeC: first.samplesPerPixel,
    sizeZ: series.length,
    sizeT: 1,
    planes: series.map((p) => [p]),
    physicalSizeX: perCm && first.xResolution ? 1e4 / first.xResolution : undefined,
    physicalSizeY: perCm && first.yResolution ? 1e4 / first.yResolution : undefined,
    source: 'pages',
  };
}
