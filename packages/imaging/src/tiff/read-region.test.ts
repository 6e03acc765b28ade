import { describe, expect, it } from 'vitest';
import { openTiff, writeTiff, type Raster } from '../index';

const source = (): Raster => {
  const width = 301, height = 187, channels = 2;
  const data = new Uint16Array(width * height * channels).map((_, i) => (i * 2654435761) >>> 16);
  return { width, height, channels, dtype: 'uint16', data };
};

/** A reader over `bytes` that hands out copies (as a ranged GET does) and records each read. */
const recordingReader = (bytes: Uint8Array, reads: [number, number][]) => async (offset: number, length: number) => {
  reads.push([offset, length]);
  return bytes.slice(offset, offset + length);
};

/** The classic TIFF's StripOffsets array: where it is and its values (LONGs). */
function stripOffsets(file: Uint8Array): { at: number; values: number[] } {
  const v = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const ifd = v.getUint32(4, true);
  for (let e = 0; e < v.getUint16(ifd, true); e++) {
    const entry = ifd + 2 + e * 12;
    if (v.getUint16(entry, true) !== 273) continue;
    const count = v.getUint32(entry + 4, true);
    const at = count > 1 ? v.getUint32(entry + 8, true) : entry + 8;
    return { at, values: Array.from({ length: count }, (_, i) => v.getUint32(at + 4 * i, true)) };
  }
  throw new Error('no StripOffsets');
}

const rows = (r: Raster, y: number, h: number) => Array.from(r.data.subarray(y * r.width * r.channels, (y + h) * r.width * r.channels));

describe('readRegion on uncompressed strips', () => {
  it('reads whole rows of strips that follow each other as one byte range, with the same values', async () => {
    const r = source();
    const file = writeTiff(r, { ome: false });
    const reads: [number, number][] = [];
    const tiff = await openTiff(recordingReader(file, reads));
    expect(stripOffsets(file).values.length).toBeGreaterThan(2);
    reads.length = 0;
    const band = await tiff.readPage(0, { x: 0, y: 13, width: r.width, height: 150 });
    expect(Array.from(band.data)).toEqual(rows(r, 13, 150));
    expect(reads).toEqual([[expect.any(Number), 150 * r.width * 4]]);
  });

  it('falls back to strip by strip when the strips are stored out of order', async () => {
    const r = source();
    const file = writeTiff(r, { ome: false });
    const { at, values } = stripOffsets(file);
    // swap the first two strips (both full) on disk and in StripOffsets: the same image, no longer one range
    const size = values[1]! - values[0]!;
    const first = file.slice(values[0]!, values[1]!);
    file.copyWithin(values[0]!, values[1]!, values[1]! + size);
    file.set(first, values[0]! + size);
    const v = new DataView(file.buffer);
    v.setUint32(at, values[1]!, true);
    v.setUint32(at + 4, values[0]!, true);
    const tiff = await openTiff(recordingReader(file, []));
    const band = await tiff.readPage(0, { x: 0, y: 0, width: r.width, height: 120 });
    expect(Array.from(band.data)).toEqual(rows(r, 0, 120));
  });
});

describe('readPlane into a caller array', () => {
  /** Writes into the caller's array when it is given (as the S3 range reader does), else hands out a copy. */
  const fillingReader = (bytes: Uint8Array, given: (Uint8Array | undefined)[]) => async (offset: number, length: number, into?: Uint8Array) => {
    given.push(into);
    if (!into) return bytes.slice(offset, offset + length);
    into.set(bytes.subarray(offset, offset + length));
    return into.subarray(0, length);
  };

  it('reads contiguous strips straight into it (one read, into that array) and returns a view of it', async () => {
    const r = source();
    const given: (Uint8Array | undefined)[] = [];
    const tiff = await openTiff(fillingReader(writeTiff(r, { ome: false }), given));
    given.length = 0;
    const into = new Uint16Array(r.width * 160 * 2).fill(65535);
    const band = await tiff.readPlane(0, 0, { x: 0, y: 20, width: r.width, height: 150 }, into);
    expect(band.data.buffer).toBe(into.buffer);
    expect(band.data.length).toBe(r.width * 150 * 2);
    expect(Array.from(band.data)).toEqual(rows(r, 20, 150));
    expect(given).toHaveLength(1);
    expect(given[0]!.buffer).toBe(into.buffer);
  });

  it('decodes compressed strips into it too, overwriting what it held', async () => {
    const r = source();
    const tiff = await openTiff(fillingReader(writeTiff(r, { ome: false, compression: 'deflate' }), []));
    const into = new Uint16Array(r.width * r.height * 2).fill(65535);
    const plane = await tiff.readPlane(0, 0, undefined, into);
    expect(plane.data.buffer).toBe(into.buffer);
    expect(Array.from(plane.data)).toEqual(Array.from(r.data));
  });

  it('refuses an array of another sample type or too small', async () => {
    const r = source();
    const tiff = await openTiff(fillingReader(writeTiff(r, { ome: false }), []));
    const region = { x: 0, y: 0, width: r.width, height: 10 };
    await expect(tiff.readPlane(0, 0, region, new Float32Array(r.width * 10 * 2))).rejects.toThrow(RangeError);
    await expect(tiff.readPlane(0, 0, region, new Uint16Array(r.width * 10))).rejects.toThrow(RangeError);
  });
});
