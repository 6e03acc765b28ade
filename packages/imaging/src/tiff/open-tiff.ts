import { cachedReader, runAsync, runSync, type RandomAccessReader } from '../io';
import type { ImageStack, Raster, ReadLimits, TypedArray } from '../types';
import { layoutStack, type StackLayout } from './layout-stack';
import { parseTiff } from './parse-tiff';
import { readLayoutPlane, readLayoutStack } from './read-stack';
import { readRegion, type Region } from './read-region';
import { interpretPage, type TiffPage } from './tiff-page';

export interface TiffFile {
  littleEndian: boolean;
  bigTiff: boolean;
  /** Every page in the main IFD chain, in file order. */
  pages: TiffPage[];
  /** How pages map to channels, Z and T (from OME-XML, ImageJ metadata, or page order). */
  layout: StackLayout;
  /** Decodes one TIFF page (all its samples), or a region of it, reading only the strips/tiles needed. */
  readPage(pageIndex: number, region?: Region): Promise<Raster>;
  /**
   * Decodes the plane at (z, t) with all sizeC channels interleaved, or a region of it; into `into` when given (the
   * result's data is then a view of it).
   */
  readPlane(z: number, t: number, region?: Region, into?: TypedArray): Promise<Raster>;
  /** Decodes everything into memory (subject to the limits). */
  readStack(): Promise<ImageStack>;
}

/**
 * Opens a TIFF through a random-access reader, reading only the header and page directories up front; pixels
 * are read on demand, a strip or tile at a time, so large files never need to be in memory whole.
 */
export async function openTiff(reader: RandomAccessReader, limits?: ReadLimits): Promise<TiffFile> {
  const small = cachedReader(reader);
  const structure = await runAsync(parseTiff(), small);
  const pages = structure.ifds.map(interpretPage);
  const layout = layoutStack(pages);
  const le = structure.littleEndian;
  return {
    littleEndian: le,
    bigTiff: structure.bigTiff,
    pages,
    layout,
    readPage: (pageIndex, region) => {
      const page = pages[pageIndex];
      if (!page) return Promise.reject(new RangeError(`page ${pageIndex} does not exist (${pages.length} pages)`));
      return runAsync(readRegion(page, le, region, limits), small);
    },
    readPlane: (z, t, region, into) => {
      const plane = layout.planes[t * layout.sizeZ + z];
      if (!plane || z >= layout.sizeZ) return Promise.reject(new RangeError(`plane z=${z} t=${t} does not exist`));
      return runAsync(readLayoutPlane(layout, plane, le, region, limits, into), small);
    },
    readStack: () => runAsync(readLayoutStack(layout, le, limits), small),
  };
}

/** Decodes a whole TIFF held in memory. */
export function readTiff(bytes: Uint8Array, limits?: ReadLimits): ImageStack {
  const structure = runSync(parseTiff(), bytes);
  const layout = layoutStack(structure.ifds.map(interpretPage));
  return runSync(readLayoutStack(layout, structure.littleEndian, limits), bytes);
}
