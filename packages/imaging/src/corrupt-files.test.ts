import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImagingError, openTiff, readImage, writePng, writeTiff, type Raster } from './index';

const BBBC = join(__dirname, '../../../../shared/data/nuclei-bbbc039');
const FIX = join(__dirname, '../test-fixtures');
const bbbcName = readdirSync(join(BBBC, 'images')).sort()[0]!;
const bbbc = new Uint8Array(readFileSync(join(BBBC, 'images', bbbcName)));

function small(): Raster {
  const data = new Uint16Array(64 * 48).map((_, i) => (i * 37) % 4096);
  return { width: 64, height: 48, channels: 1, dtype: 'uint16', data };
}

/** Overwrites the value of `tag` in every IFD of a little-endian classic TIFF. */
function patchTag(bytes: Uint8Array, tag: number, value: number): Uint8Array {
  const out = bytes.slice();
  const v = new DataView(out.buffer);
  let ifd = v.getUint32(4, true);
  while (ifd !== 0) {
    const n = v.getUint16(ifd, true);
    for (let i = 0; i < n; i++) {
      const at = ifd + 2 + i * 12;
      if (v.getUint16(at, true) !== tag) continue;
      const type = v.getUint16(at + 2, true);
      v.setUint32(at + 4, 1, true); // count 1, value inline
      if (type === 3) v.setUint16(at + 8, value, true);
      else v.setUint32(at + 8, value, true);
    }
    ifd = v.getUint32(ifd + 2 + n * 12, true);
  }
  return out;
}

function lastIfdNextPointer(bytes: Uint8Array): number {
  const v = new DataView(bytes.buffer, bytes.byteOffset);
  let ifd = v.getUint32(4, true);
  for (;;) {
    const at = ifd + 2 + v.getUint16(ifd, true) * 12;
    const next = v.getUint32(at, true);
    if (next === 0) return at;
    ifd = next;
  }
}

function expectImagingError(fn: () => unknown, code: string, message?: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ImagingError);
    expect((e as ImagingError).code).toBe(code);
    if (message) expect((e as Error).message).toMatch(message);
    return;
  }
  throw new Error('expected an ImagingError');
}

describe('corrupt and hostile files', () => {
  it('truncated TIFFs (directory cut off, or pixels cut off) → truncated', () => {
    expectImagingError(() => readImage(bbbc.subarray(0, bbbc.length - 3000)), 'truncated', /ends too early/);
    const sem = new Uint8Array(readFileSync(join(BBBC, '../sem-grains/211122_AM_Al2O3_SE_023.ome.tiff')));
    expectImagingError(() => readImage(sem.subarray(0, 2_000_000)), 'truncated');
    expectImagingError(() => readImage(bbbc.subarray(0, 6)), 'truncated');
  });

  it('strip offsets pointing past the end → truncated; inside the header → still no crash', () => {
    expectImagingError(() => readImage(patchTag(writeTiff(small()), 273, 0x7fff0000)), 'truncated');
    const decoded = readImage(patchTag(writeTiff(small()), 273, 8)); // wrong but readable offset: garbage pixels, no crash
    expect(decoded.width).toBe(64);
  });

  it('a first-IFD offset beyond the file → truncated', () => {
    const bytes = writeTiff(small());
    new DataView(bytes.buffer).setUint32(4, 0xfffffff0, true);
    expectImagingError(() => readImage(bytes), 'truncated');
  });

  it('bomb dimensions are refused before anything is allocated', () => {
    const bomb = patchTag(patchTag(writeTiff(small()), 256, 200_000), 257, 200_000);
    expectImagingError(() => readImage(bomb), 'too-large', /too large to open/);
    expectImagingError(() => readImage(bbbc, { maxPixels: 100_000 }), 'too-large');
    expectImagingError(() => readImage(bbbc, { maxBytes: 700_000 }), 'too-large');
    // a tiny deflate stream claiming to be a huge image
    const deflateBomb = patchTag(patchTag(writeTiff(small(), { compression: 'deflate' }), 256, 60_000), 257, 60_000);
    expectImagingError(() => readImage(deflateBomb, { maxBytes: 2 ** 30 }), 'too-large');
  });

  it('a PNG declaring a huge size is refused before decoding', () => {
    const png = writePng({ width: 4, height: 4, channels: 1, dtype: 'uint8', data: new Uint8Array(16) });
    const v = new DataView(png.buffer);
    v.setUint32(16, 100_000);
    v.setUint32(20, 100_000);
    expectImagingError(() => readImage(png), 'too-large');
  });

  it('an IFD chain that loops back → corrupt, without hanging', () => {
    const planes = [small(), small()];
    const bytes = writeTiff({ width: 64, height: 48, sizeC: 1, sizeZ: 2, sizeT: 1, dtype: 'uint16', planes });
    const v = new DataView(bytes.buffer);
    v.setUint32(lastIfdNextPointer(bytes), v.getUint32(4, true), true);
    expectImagingError(() => readImage(bytes), 'corrupt', /loops back/);
  });

  it('unsupported variants get a message a biologist understands', () => {
    expectImagingError(() => readImage(patchTag(writeTiff(small()), 259, 7)), 'unsupported', /This TIFF uses JPEG compression, which is not supported yet/);
    expectImagingError(() => readImage(patchTag(writeTiff(small()), 259, 50000)), 'unsupported', /Zstandard/);
    expectImagingError(() => readImage(patchTag(writeTiff(small()), 258, 12)), 'unsupported', /12-bit samples/);
    expectImagingError(() => readImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0])), 'unsupported', /JPEG images are not supported yet/);
    expectImagingError(() => readImage(new TextEncoder().encode('hello, not an image')), 'unknown-format');
  });

  it('truncated and damaged PNGs → ImagingError', () => {
    const png = new Uint8Array(readFileSync(join(BBBC, 'masks', bbbcName.replace(/\.tif$/, '.png'))));
    expect(() => readImage(png.subarray(0, png.length / 2))).toThrow(ImagingError);
    const damaged = png.slice();
    damaged.fill(0x55, 100, 400);
    expect(() => readImage(damaged)).toThrow(ImagingError);
  });

  it('random byte damage never crashes with anything but ImagingError', () => {
    const sources = [writeTiff(small(), { compression: 'deflate' }), writeTiff(small()), ...['libtiff-lzw-uint16.tif', 'vips-deflate-floatpred-float32.tif', 'be-rgb-planar-tiled.tif', 'libtiff-packbits-uint8.tif', 'grey16.png'].map((f) => new Uint8Array(readFileSync(join(FIX, f))))];
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let failures = 0;
    for (const src of sources) {
      for (let trial = 0; trial < 150; trial++) {
        const bytes = src.slice();
        const flips = 1 + Math.floor(rand() * 8);
        for (let k = 0; k < flips; k++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
        try {
          readImage(bytes, { maxBytes: 64 * 2 ** 20 });
        } catch (e) {
          if (!(e instanceof ImagingError)) {
            failures++;
            console.error(e);
          }
        }
      }
    }
    expect(failures).toBe(0);
  });

  it('openTiff: a failing reader and a truncated file reject with errors, not hangs', async () => {
    await expect(openTiff(async () => { throw new Error('S3 unavailable'); })).rejects.toThrow('S3 unavailable');
    const sem = new Uint8Array(readFileSync(join(BBBC, '../sem-grains/211122_AM_Al2O3_SE_023.ome.tiff')));
    // pixels between 1 MB and 3 MB are missing; the header, IFD and OME-XML are intact
    const tiff = await openTiff(async (o, l) => sem.subarray(o, o < 3_000_000 && o + l > 1_000_000 ? Math.max(o, 1_000_000) + 10 : o + l).slice());
    await expect(tiff.readPage(0)).rejects.toMatchObject({ code: 'truncated' });
  });
});
