import { describe, expect, it } from 'vitest';
import { extractTile, extractTile3D } from './extract-tile';
import { stitchTile, stitchTile3D } from './stitch-tile';
import { calculateTiles2D } from './tiles-2d';
import { calculateTiles3D } from './tiles-3d';
import { mapIndex } from './typed-image';

describe('mapIndex', () => {
  it('reflects like numpy "reflect" (edge not repeated), also far outside', () => {
    const n = 4;
    expect([-3, -2, -1, 0, 3, 4, 5, 6, 7, 9].map((i) => mapIndex(i, n, 'reflect'))).toEqual([3, 2, 1, 0, 3, 2, 1, 0, 1, 3]);
    expect(mapIndex(-5, 1, 'reflect')).toBe(0);
    expect(mapIndex(-1, 4, 'zero')).toBe(-1);
  });
});

const CTORS = [Uint8Array, Uint16Array, Uint32Array, Int8Array, Int16Array, Int32Array, Float32Array, Float64Array] as const;

describe('extractTile', () => {
  it.each(CTORS.map((C) => [C.name, C] as const))('copies and pads %s with reflect and zero', (_n, Ctor) => {
    const width = 5, height = 3, channels = 2;
    const data = new Ctor(width * height * channels);
    for (let i = 0; i < data.length; i++) data[i] = i + 1;
    const img = { width, height, channels, data };
    const roi = { x: -2, y: -1, w: 9, h: 5 };
    const tile = extractTile(img, roi);
    expect(tile).toBeInstanceOf(Ctor);
    const zero = extractTile(img, roi, { padding: 'zero' });
    for (let r = 0; r < roi.h; r++) {
      for (let i = 0; i < roi.w; i++) {
        for (let c = 0; c < channels; c++) {
          const y = roi.y + r, x = roi.x + i;
          const ry = mapIndex(y, height, 'reflect'), rx = mapIndex(x, width, 'reflect');
          expect(tile[(r * roi.w + i) * channels + c]).toBe(data[(ry * width + rx) * channels + c]);
          const inside = x >= 0 && y >= 0 && x < width && y < height;
          expect(zero[(r * roi.w + i) * channels + c]).toBe(inside ? data[(y * width + x) * channels + c] : 0);
        }
      }
    }
  });

  it('converts into a given output array at an offset', () => {
    const img = { width: 4, height: 4, channels: 1, data: Uint16Array.from({ length: 16 }, (_, i) => 1000 * i) };
    const out = new Float32Array(2 + 4);
    extractTile(img, { x: 1, y: 1, w: 2, h: 2 }, { out, outOffset: 2 });
    expect(Array.from(out)).toEqual([0, 0, 5000, 6000, 9000, 10000]);
  });
});

describe('stitchTile', () => {
  it('round-trips an image through tiles with no seam (identity model)', () => {
    const width = 301, height = 187, channels = 3;
    const data = Float32Array.from({ length: width * height * channels }, (_, i) => Math.sin(i) * 100);
    const img = { width, height, channels, data };
    const out = { width, height, channels, data: new Float32Array(data.length) };
    for (const tile of calculateTiles2D({ x: 0, y: 0, w: width, h: height }, { tileWidth: 64, tileHeight: 48, minBorder: 6 })) {
      const pred = { width: tile.roi.w, height: tile.roi.h, channels, data: extractTile(img, tile.roi) };
      stitchTile(out, pred, tile);
    }
    expect(out.data).toEqual(data);
  });

  it('writes into a band with an origin and rejects mismatched shapes', () => {
    const tiles = calculateTiles2D({ x: 0, y: 0, w: 20, h: 20 }, { tileWidth: 12, tileHeight: 12, minBorder: 2 });
    const tile = tiles[1]!; // second row of the first column
    const band = { width: 20, height: tile.center.h, channels: 1, data: new Uint8Array(20 * tile.center.h) };
    const pred = { width: 12, height: 12, channels: 1, data: new Uint8Array(144).fill(7) };
    stitchTile(band, pred, tile, { x: 0, y: tile.center.y });
    expect(band.data.reduce((a, b) => a + b, 0)).toBe(7 * tile.center.w * tile.center.h);
    expect(() => stitchTile(band, { ...pred, channels: 2, data: new Uint8Array(288) }, tile, { x: 0, y: tile.center.y }))
      .toThrow(/channels/);
    expect(() => stitchTile(band, pred, tile)).toThrow(/outside/);
  });
});

describe('3D', () => {
  it('round-trips a volume through 3D tiles', () => {
    const width = 37, height = 29, depth = 11, channels = 2;
    const data = Int16Array.from({ length: width * height * depth * channels }, (_, i) => (i * 7919) % 30000);
    const vol = { width, height, depth, channels, data };
    const out = { ...vol, data: new Int16Array(data.length) };
    const tiles = calculateTiles3D({ x: 0, y: 0, z: 0, w: width, h: height, d: depth },
      { tileWidth: 16, tileHeight: 16, tileDepth: 4, minBorder: 1 });
    for (const t of tiles) {
      const pred = { width: t.roi.w, height: t.roi.h, depth: t.roi.d, channels, data: extractTile3D(vol, t.roi) };
      stitchTile3D(out, pred, t);
    }
    expect(out.data).toEqual(data);
  });
});
