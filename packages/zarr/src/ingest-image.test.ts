import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesReader, downsample2x, ImagingError, readImage, writePng, writeTiff, type ImageStack, type Raster } from '@tessera/imaging';
import { ingestImage, type IngestResult } from './ingest-image';
import { channelOf, firstMismatch, memorySink, readLevel } from './test-helpers';

const DATA = join(__dirname, '../../../../shared/data');
const BBBC = join(DATA, 'nuclei-bbbc039/images');
const LIMITS = { maxPixels: 2 ** 31 };

async function ingest(bytes: Uint8Array, chunkSize = 256, limits = LIMITS) {
  const { sink, objects } = memorySink();
  const result = await ingestImage({ reader: bytesReader(bytes), size: bytes.length, name: 'test', sink, limits, chunkSize });
  return { result, objects };
}

/** Every level of every channel/plane equals the iterated reference downsampling of the decoded original. */
function expectPyramidMatches(stack: ImageStack, result: IngestResult, objects: Map<string, Uint8Array>) {
  for (let t = 0; t < stack.sizeT; t++) {
    for (let z = 0; z < stack.sizeZ; z++) {
      let ref: Raster = stack.planes[t * stack.sizeZ + z]!;
      result.levels.forEach((size, level) => {
        for (let c = 0; c < stack.sizeC; c++) {
          expect(firstMismatch(readLevel(objects, level, size, result.chunkSize, stack.dtype, c, z, t), channelOf(ref, c))).toBeNull();
        }
        ref = downsample2x(ref, 'mean');
      });
    }
  }
}

function expectOmeZarr(objects: Map<string, Uint8Array>, result: IngestResult) {
  const attrs = JSON.parse(new TextDecoder().decode(objects.get('.zattrs')));
  expect(attrs.multiscales[0].version).toBe('0.4');
  expect(attrs.multiscales[0].axes.map((a: { name: string }) => a.name)).toEqual(['t', 'c', 'z', 'y', 'x']);
  expect(attrs.multiscales[0].datasets).toHaveLength(result.levels.length);
  expect(attrs.omero.channels).toHaveLength(result.sizeC);
  const zarray = JSON.parse(new TextDecoder().decode(objects.get('0/.zarray')));
  expect(zarray.shape).toEqual([result.sizeT, result.sizeC, result.sizeZ, result.height, result.width]);
  expect(zarray.chunks).toEqual([1, 1, 1, result.chunkSize, result.chunkSize]);
  expect(zarray.compressor).toEqual({ lz4: { id: 'lz4', acceleration: 1 }, zlib: { id: 'zlib', level: 1 }, none: null }[result.levels[0]!.compressor ?? 'none']);
  expect(JSON.parse(new TextDecoder().decode(objects.get('.zgroup')))).toEqual({ zarr_format: 2 });
}

describe('ingestImage on real files', () => {
  const files = readdirSync(BBBC).filter((f) => f.endsWith('.tif')).sort();
  it(`every BBBC039 TIFF (${files.length}): 16-bit pyramid equal to the reference downsampling, exact stats`, async () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const f of files) {
      const bytes = new Uint8Array(readFileSync(join(BBBC, f)));
      const stack = readImage(bytes);
      const { result, objects } = await ingest(bytes);
      expect(result).toMatchObject({ format: 'tiff', width: stack.width, height: stack.height, sizeC: 1, dtype: 'uint16' });
      expectPyramidMatches(stack, result, objects);
      const data = stack.planes[0]!.data;
      let min = Infinity;
      let max = -Infinity;
      for (const v of data) { if (v < min) min = v; if (v > max) max = v; }
      expect(result.channels[0]).toMatchObject({ min, max });
      expect(result.channels[0]!.histogram.total).toBe(stack.width * stack.height);
      const [lo, hi] = result.channels[0]!.contrast;
      expect(lo).toBeGreaterThanOrEqual(min);
      expect(hi).toBeLessThanOrEqual(max);
      expect(hi).toBeGreaterThan(lo);
    }
  });
  it('the SEM OME-TIFF keeps its physical pixel size and channel metadata', async () => {
    const dir = join(DATA, 'sem-grains');
    const bytes = new Uint8Array(readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.tiff'))!)));
    const stack = readImage(bytes);
    const { result, objects } = await ingest(bytes, 512);
    expect(result.physicalSizeX).toBeCloseTo(stack.physicalSizeX!, 9);
    expect(result.physicalSizeX).toBeGreaterThan(0);
    expect(result.dtype).toBe(stack.dtype);
    expectPyramidMatches(stack, result, objects);
    expectOmeZarr(objects, result);
    const attrs = JSON.parse(new TextDecoder().decode(objects.get('.zattrs')));
    expect(attrs.multiscales[0].datasets[1].coordinateTransformations[0].scale[4]).toBeCloseTo(stack.physicalSizeX! * 2, 9);
    expect(attrs.multiscales[0].axes[4].unit).toBe('micrometer');
  });
});

function generated(width: number, height: number, sizeC: number, sizeZ: number): ImageStack {
  const planes = Array.from({ length: sizeZ }, (_, z) => {
    const data = new Uint16Array(width * height * sizeC);
    for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761 + z * 977) % 65521;
    return { width, height, channels: sizeC, dtype: 'uint16' as const, data };
  });
  return {
    width, height, sizeC, sizeZ, sizeT: 1, dtype: 'uint16', planes,
    channelNames: ['DAPI', 'GFP', 'mCherry'].slice(0, sizeC), channelColors: ['#0000ff', '#00ff00', '#ff0000'].slice(0, sizeC),
    physicalSizeX: 0.325, physicalSizeY: 0.325, physicalSizeZ: 2,
  };
}

describe('ingestImage on generated files', () => {
  it('16-bit 3-channel Z-stack OME-TIFF (Deflate): names, colours, Z, pixel size, pyramid', async () => {
    const stack = generated(333, 290, 3, 2);
    const { result, objects } = await ingest(writeTiff(stack, { compression: 'deflate' }), 64);
    expect(result).toMatchObject({ sizeC: 3, sizeZ: 2, sizeT: 1, physicalSizeX: 0.325, physicalSizeZ: 2 });
    expect(result.channels.map((c) => [c.name, c.color])).toEqual([['DAPI', '#0000ff'], ['GFP', '#00ff00'], ['mCherry', '#ff0000']]);
    expectPyramidMatches(stack, result, objects);
    expectOmeZarr(objects, result);
  });
  it('BigTIFF with 2 channels, uncompressed chunks when asked', async () => {
    const stack = generated(200, 150, 2, 1);
    const bytes = writeTiff(stack, { bigTiff: true });
    expect(bytes[2]).toBe(43);
    const { sink, objects } = memorySink();
    const result = await ingestImage({ reader: bytesReader(bytes), size: bytes.length, name: 'big', sink, limits: LIMITS, chunkSize: 64, compression: 'none' });
    expect(JSON.parse(new TextDecoder().decode(objects.get('0/.zarray'))).compressor).toBeNull();
    expect(result.levels[0]!.compressor).toBeNull();
    expect(objects.get('0/0/0/0/0/0')!.length).toBe(64 * 64 * 2);
    expectPyramidMatches(stack, result, objects);
  });
  it('PNG (8-bit RGB) and JPEG', async () => {
    const rgb = new Uint8Array(90 * 70 * 3).map((_, i) => (i * 7) % 251);
    const png = writePng({ width: 90, height: 70, channels: 3, dtype: 'uint8', data: rgb });
    const { result } = await ingest(png, 32);
    expect(result).toMatchObject({ format: 'png', sizeC: 3, dtype: 'uint8', width: 90, height: 70 });
    const { default: sharp } = await import('sharp');
    const jpeg = new Uint8Array(await sharp(Buffer.from(rgb), { raw: { width: 90, height: 70, channels: 3 } }).jpeg().toBuffer());
    const j = await ingest(jpeg, 32);
    expect(j.result).toMatchObject({ format: 'jpeg', sizeC: 3, dtype: 'uint8', width: 90, height: 70 });
    expect(j.result.thumbnail.subarray(1, 4)).toEqual(new TextEncoder().encode('PNG'));
  });
});

describe('ingestImage refuses bad files with a reason a user understands', () => {
  const good = writeTiff(generated(128, 128, 1, 1));
  const fail = async (bytes: Uint8Array, limits = LIMITS) => {
    const e = await ingest(bytes, 64, limits).then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(ImagingError);
    return e as ImagingError;
  };
  it('truncated', async () => {
    const e = await fail(good.subarray(0, Math.floor(good.length * 0.6)));
    expect(e.code).toBe('truncated');
    expect(e.message).toMatch(/ends too early/);
  });
  it('wrong offsets', async () => {
    const bad = good.slice();
    new DataView(bad.buffer).setUint32(4, bad.length + 1000, true); // first IFD points past the end
    expect(['corrupt', 'truncated']).toContain((await fail(bad)).code);
  });
  it('bomb dimensions are refused before anything is decoded', async () => {
    const e = await fail(good, { maxPixels: 100 * 100 });
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/limit/);
  });
  it('not an image', async () => {
    expect((await fail(new TextEncoder().encode('hello, this is a text file'))).code).toBe('unknown-format');
  });
});
