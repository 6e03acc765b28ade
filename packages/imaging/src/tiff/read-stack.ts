import type { Io } from '../io';
import { bytesPerSample, outputSamples, type ImageStack, type Raster, type ReadLimits, type TypedArray } from '../types';
import type { StackLayout } from './layout-stack';
import { checkSize, readRegion, type Region } from './read-region';
import type { TiffPage } from './tiff-page';

/** Decodes one (z, t) plane with all its channels, interleaved; optionally only a region of it, optionally into `into`. */
export function* readLayoutPlane(layout: StackLayout, pages: TiffPage[], le: boolean, region?: Region, limits?: ReadLimits, into?: TypedArray): Io<Raster> {
  if (pages.length === 1) return yield* readRegion(pages[0]!, le, region, limits, into);
  const width = region?.width ?? layout.width;
  const height = region?.height ?? layout.height;
  const total = width * height * layout.sizeC;
  checkSize(total, bytesPerSample(layout.dtype), limits, 'image');
  const out = outputSamples(layout.dtype, total, into);
  let c0 = 0;
  for (const page of pages) {
    const part = yield* readRegion(page, le, region, limits);
    const n = part.channels;
    for (let i = 0, j = c0; i < part.data.length; i += n, j += layout.sizeC) {
      for (let s = 0; s < n; s++) out[j + s] = part.data[i + s]!;
    }
    c0 += n;
  }
  return { width, height, channels: layout.sizeC, dtype: layout.dtype, data: out };
}

/** Decodes every plane of a laid-out TIFF into an ImageStack, after checking the total against the limits. */
export function* readLayoutStack(layout: StackLayout, le: boolean, limits?: ReadLimits): Io<ImageStack> {
  const { width, height, sizeC, sizeZ, sizeT, dtype } = layout;
  checkSize(width * height * sizeC * sizeZ * sizeT, bytesPerSample(dtype), limits, 'image');
  const planes: Raster[] = [];
  for (const pages of layout.planes) planes.push(yield* readLayoutPlane(layout, pages, le, undefined, limits));
  const stack: ImageStack = { width, height, sizeC, sizeZ, sizeT, dtype, planes };
  if (layout.channelNames) stack.channelNames = layout.channelNames;
  if (layout.channelColors) stack.channelColors = layout.channelColors;
  if (layout.physicalSizeX !== undefined) stack.physicalSizeX = layout.physicalSizeX;
  if (layout.physicalSizeY !== undefined) stack.physicalSizeY = layout.physicalSizeY;
  if (layout.physicalSizeZ !== undefined) stack.physicalSizeZ = layout.physicalSizeZ;
  return stack;
}
