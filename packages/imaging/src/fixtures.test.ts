import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImage, type DType, type ImageStack } from './index';

/** Fixtures written by tifffile, libtiff (Pillow) and libvips: see test-fixtures/make-fixtures.py. */
const FIX = join(__dirname, '../test-fixtures');
const BBBC = join(__dirname, '../../../../shared/data/nuclei-bbbc039/images');
const W = 75;
const H = 61;

const source = readImage(readFileSync(join(BBBC, readdirSync(BBBC).sort()[0]!))).planes[0]!.data;
/** The 75×61 crop (rows 200:261, columns 300:375) every fixture is derived from. */
const v: number[] = [];
for (let y = 200; y < 261; y++) for (let x = 300; x < 375; x++) v.push(source[y * 696 + x]!);

const TRANSFORM: Record<DType, (x: number) => number> = {
  uint8: (x) => x >> 4,
  int8: (x) => (x >> 4) - 128,
  uint16: (x) => x,
  int16: (x) => x - 2000,
  uint32: (x) => x * 100000,
  int32: (x) => (x - 2000) * 1000,
  float32: (x) => Math.fround(x / 7),
  float64: (x) => x / 7,
};
const rgb = v.flatMap((x) => [x >> 4, x >> 5, 255 - (x >> 4)]);

const read = (name: string) => readImage(readFileSync(join(FIX, name)));
const shape = (s: ImageStack) => [s.width, s.height, s.sizeC, s.sizeZ, s.sizeT, s.dtype];

describe('TIFF variants written by reference implementations', () => {
  it.each(['uint8', 'int8', 'int16', 'uint32', 'int32', 'float32', 'float64'] as DType[])('big-endian %s', (dtype) => {
    const s = read(`be-${dtype}.tif`);
    expect(shape(s)).toEqual([W, H, 1, 1, 1, dtype]);
    expect(Array.from(s.planes[0]!.data)).toEqual(v.map(TRANSFORM[dtype]));
  });

  it.each([
    ['be-uint16-tiled-bigtiff.tif', 'uint16'],
    ['le-uint16-zlib-tiled.tif', 'uint16'],
    ['libtiff-lzw-uint16.tif', 'uint16'],
    ['libtiff-packbits-uint8.tif', 'uint8'],
    ['vips-lzw-pred-uint16.tif', 'uint16'],
    ['vips-deflate-pred-tiled-uint16.tif', 'uint16'],
    ['vips-lzw-floatpred-float32.tif', 'float32'],
    ['vips-deflate-floatpred-float32.tif', 'float32'],
  ] as [string, DType][])('%s', (name, dtype) => {
    const s = read(name);
    expect(shape(s)).toEqual([W, H, 1, 1, 1, dtype]);
    expect(Array.from(s.planes[0]!.data)).toEqual(v.map(TRANSFORM[dtype]));
  });

  it.each(['be-rgb-planar-tiled.tif', 'le-rgb-chunky.tif', 'libtiff-lzw-rgb.tif'])('RGB %s', (name) => {
    const s = read(name);
    expect(shape(s)).toEqual([W, H, 3, 1, 1, 'uint8']);
    expect(Array.from(s.planes[0]!.data)).toEqual(rgb);
  });

  it('ImageJ hyperstack: channels, slices and frames in CZT order, with spacing and µm resolution', () => {
    const s = read('imagej-tzc.tif');
    expect(shape(s)).toEqual([W, H, 2, 3, 2, 'uint16']);
    expect(s.physicalSizeX).toBeCloseTo(0.25, 9);
    expect(s.physicalSizeZ).toBe(0.5);
    for (let t = 0; t < 2; t++) {
      for (let z = 0; z < 3; z++) {
        const d = s.planes[t * 3 + z]!.data;
        for (let c = 0; c < 2; c++) {
          const k = (t * 3 + z) * 2 + c;
          expect([d[c], d[(30 * W + 40) * 2 + c]]).toEqual([v[0]! + 1000 * k, v[30 * W + 40]! + 1000 * k]);
        }
      }
    }
  });

  it('OME-TIFF from tifffile: Z and C from OME-XML, channel names, physical sizes', () => {
    const s = read('tifffile-zc.ome.tif');
    expect(shape(s)).toEqual([W, H, 3, 2, 1, 'uint16']);
    expect(s.channelNames).toEqual(['DAPI', 'GFP', 'mCherry']);
    expect([s.physicalSizeX, s.physicalSizeY, s.physicalSizeZ]).toEqual([0.325, 0.325, 2]);
    for (let z = 0; z < 2; z++) {
      const d = s.planes[z]!.data;
      for (let c = 0; c < 3; c++) expect(d[(10 * W + 5) * 3 + c]).toBe(v[10 * W + 5]! + 1000 * (z * 3 + c));
    }
  });

  it('multi-page TIFF without metadata reads its pages as Z', () => {
    const s = read('pages-3.tif');
    expect(shape(s)).toEqual([W, H, 1, 3, 1, 'uint16']);
    expect(s.planes.map((p) => p.data[7])).toEqual([0, 1, 2].map((k) => v[7]! + 1000 * k));
  });
});

describe('PNG variants', () => {
  it.each([
    ['grey8.png', 1, 'uint8', v.map(TRANSFORM.uint8)],
    ['grey16.png', 1, 'uint16', v],
    ['grey-alpha8.png', 2, 'uint8', v.flatMap((x) => [x >> 4, 255 - (x >> 4)])],
    ['rgb8.png', 3, 'uint8', rgb],
    ['rgb16.png', 3, 'uint16', v.flatMap((x) => [x, x >> 1, 4095 - x])],
  ] as [string, number, DType, number[]][])('%s', (name, channels, dtype, expected) => {
    const s = read(name);
    expect(shape(s)).toEqual([W, H, channels, 1, 1, dtype]);
    expect(Array.from(s.planes[0]!.data)).toEqual(expected);
  });

  it('palette PNG expands to the RGB values Pillow decodes', () => {
    const expected = JSON.parse(readFileSync(join(FIX, 'palette-expected.json'), 'utf8')) as { palette: number[] };
    const s = read('palette.png');
    expect(shape(s)).toEqual([W, H, 3, 1, 1, 'uint8']);
    expect(Array.from(s.planes[0]!.data.subarray(0, 30))).toEqual(expected.palette);
  });
});
