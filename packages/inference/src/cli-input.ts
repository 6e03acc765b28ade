import { open, readFile, stat } from 'node:fs/promises';
import { openTiff, readImage, sniffFormat, type ImageStack } from '@tessera/imaging';
import type { RegionSource } from './types';

/** TIFFs bigger than this are read region by region (bounded memory) when nothing needs the whole image. */
export const STREAM_THRESHOLD_BYTES = 256 * 2 ** 20;

export interface CliInput {
  /** Shape information (planes empty when streamed). */
  stack: ImageStack;
  /** What predict() gets: the stack, or a region source for a single-plane TIFF read on demand. */
  source: ImageStack | RegionSource;
  close(): Promise<void>;
}

/** Opens an input image: in memory, or (single-plane TIFF, large or `stream`) as a RegionSource over the file. */
export async function openCliInput(path: string, opts: { stream?: boolean; needPixels?: boolean } = {}): Promise<CliInput> {
  const size = (await stat(path)).size;
  const fh = await open(path, 'r');
  const head = new Uint8Array(16);
  await fh.read(head, 0, 16, 0);
  const wantStream = !opts.needPixels && (opts.stream || size > STREAM_THRESHOLD_BYTES) && sniffFormat(head) === 'tiff';
  if (wantStream) {
    const reader = async (offset: number, length: number) => {
      const buf = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      if (buf.length > 0) await fh.read(buf, 0, buf.length, offset);
      return buf;
    };
    const tiff = await openTiff(reader);
    const l = tiff.layout;
    if (l.sizeZ * l.sizeT === 1) {
      const stack: ImageStack = { width: l.width, height: l.height, sizeC: l.sizeC, sizeZ: 1, sizeT: 1, dtype: l.dtype, planes: [] };
      const source: RegionSource = {
        width: l.width, height: l.height, channels: l.sizeC, dtype: l.dtype,
        readRegion: (r) => tiff.readPlane(0, 0, { x: r.x, y: r.y, width: r.w, height: r.h }),
      };
      return { stack, source, close: () => fh.close() };
    }
  }
  await fh.close();
  const stack = readImage(new Uint8Array(await readFile(path)));
  return { stack, source: stack, close: async () => undefined };
}
