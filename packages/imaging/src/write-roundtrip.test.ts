import { describe, expect, it } from 'vitest';
import { bytesReader, DTYPES, openTiff, readImage, writePng, writeTiff, type DType, type ImageStack, type Raster } from './index';
import { allocateSamples, dtypeRange } from './types';

/** Deterministic values spanning the dtype's range (extremes included). */
function ramp(width: number, height: number, channels: number, dtype: DType, seed = 1): Raster {
  const n = width * height * channels;
  const data = allocateSamples(dtype, n);
  const [lo, hi] = dtypeRange(dtype);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    if (dtype.startsWith('float')) data[i] = (s / 2147483648 - 0.5) * 1e6;
    else data[i] = i === 0 ? lo : i === 1 ? hi : lo + Math.floor((s / 2147483648) * (hi - lo + 1));
  }
  return { width, height, channels, dtype, data };
}

const equalData = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.prototype.every.call(a, (v: number, i: number) => Object.is(v, b[i]));

describe('writeTiff → readImage round trips', () => {
  const combos = DTYPES.flatMap((dtype) => (['none', 'deflate'] as const).map((compression) => [dtype, compression] as const));
  it.each(combos)('%s, compression %s', (dtype, compression) => {
    const r = ramp(67, 45, 1, dtype);
    const back = readImage(writeTiff(r, { compression }));
    expect([back.width, back.height, back.sizeC, back.dtype]).toEqual([67, 45, 1, dtype]);
    expect(equalData(back.planes[0]!.data, r.data)).toBe(true);
  });

  it('multi-channel multi-Z 16-bit OME-TIFF keeps channels, names, colours and pixel size', () => {
    const planes = [0, 1, 2].map((z) => ramp(130, 70, 3, 'uint16', z + 5));
    const stack: ImageStack = {
      width: 130, height: 70, sizeC: 3, sizeZ: 3, sizeT: 1, dtype: 'uint16', planes,
      channelNames: ['DAPI', 'GFP & co', 'Cy5'], channelColors: ['#0000ff', '#00ff00', '#ff00ff'],
      physicalSizeX: 0.1625, physicalSizeY: 0.1625, physicalSizeZ: 0.5,
    };
    const bytes = writeTiff(stack, { compression: 'deflate' });
    const back = readImage(bytes);
    expect([back.width, back.height, back.sizeC, back.sizeZ, back.sizeT, back.dtype]).toEqual([130, 70, 3, 3, 1, 'uint16']);
    expect(back.channelNames).toEqual(stack.channelNames);
    expect(back.channelColors).toEqual(stack.channelColors);
    expect([back.physicalSizeX, back.physicalSizeY, back.physicalSizeZ]).toEqual([0.1625, 0.1625, 0.5]);
    planes.forEach((p, z) => expect(equalData(back.planes[z]!.data, p.data)).toBe(true));
  });

  it('Z and T stacks land in planes[t * sizeZ + z]', () => {
    const planes = Array.from({ length: 6 }, (_, k) => ({ ...ramp(9, 7, 2, 'uint8'), data: new Uint8Array(9 * 7 * 2).fill(k * 10) }));
    const back = readImage(writeTiff({ width: 9, height: 7, sizeC: 2, sizeZ: 2, sizeT: 3, dtype: 'uint8', planes }));
    expect([back.sizeC, back.sizeZ, back.sizeT]).toEqual([2, 2, 3]);
    expect(back.planes.map((p) => p.data[0])).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it('BigTIFF, forced or not, reads back identically; async openTiff reads regions of it', async () => {
    const r = ramp(300, 200, 2, 'uint16');
    const bytes = writeTiff(r, { bigTiff: true, compression: 'deflate' });
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x49, 0x49, 43, 0]);
    const back = readImage(bytes);
    expect(equalData(back.planes[0]!.data, r.data)).toBe(true);
    const tiff = await openTiff(bytesReader(bytes));
    expect(tiff.bigTiff).toBe(true);
    const region = await tiff.readPlane(0, 0, { x: 250, y: 150, width: 50, height: 50 });
    expect(region.channels).toBe(2);
    expect(region.data[0]).toBe(r.data[(150 * 300 + 250) * 2]);
    expect(region.data[region.data.length - 1]).toBe(r.data[r.data.length - 1]);
  });

  it('ome: false writes interleaved RGB / RGBA pages', () => {
    for (const channels of [3, 4]) {
      const r = ramp(40, 30, channels, 'uint8');
      const bytes = writeTiff(r, { ome: false });
      const back = readImage(bytes);
      expect([back.sizeC, back.sizeZ]).toEqual([channels, 1]);
      expect(equalData(back.planes[0]!.data, r.data)).toBe(true);
    }
  });

  it('rejects planes that do not match the stack', () => {
    const r = ramp(4, 4, 1, 'uint8');
    expect(() => writeTiff({ width: 4, height: 4, sizeC: 1, sizeZ: 2, sizeT: 1, dtype: 'uint8', planes: [r] })).toThrow(/Expected 2 planes/);
  });
});

describe('writePng → readImage round trips', () => {
  it.each([1, 2, 3, 4].flatMap((c) => (['uint8', 'uint16'] as const).map((d) => [c, d] as const)))('%i channel(s) %s', (channels, dtype) => {
    const r = ramp(33, 21, channels, dtype);
    const back = readImage(writePng(r));
    expect([back.sizeC, back.dtype]).toEqual([channels, dtype]);
    expect(equalData(back.planes[0]!.data, r.data)).toBe(true);
  });

  it('refuses dtypes and channel counts PNG cannot hold', () => {
    expect(() => writePng(ramp(2, 2, 1, 'float32'))).toThrow(/PNG can hold/);
    expect(() => writePng(ramp(2, 2, 5, 'uint8'))).toThrow(/PNG can hold/);
  });
});
