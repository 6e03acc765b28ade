import { describe, expect, it } from 'vitest';
import { allocateSamples, downsample2x, type DType, type Raster } from '@tessera/imaging';
import { stackSource } from './open-source';
import { channelOf, firstMismatch, memorySink, readLevel } from './test-helpers';
import { decodeChunk } from './chunk-codec';
import { bandStats, ChannelStatsAccumulator } from './channel-stats';
import { writePyramid } from './write-pyramid';

function randomRaster(width: number, height: number, channels: number, dtype: DType, seed = 1): Raster {
  const data = allocateSamples(dtype, width * height * channels);
  let s = seed;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    data[i] = dtype === 'float32' ? (s / 2 ** 32) * 1000 - 100 : dtype === 'uint8' ? s >>> 24 : s >>> 16;
  }
  return { width, height, channels, dtype, data };
}

async function checkAgainstReference(width: number, height: number, channels: number, dtype: DType, cs: number, workers = 0) {
  const plane = randomRaster(width, height, channels, dtype);
  const { sink, objects } = memorySink();
  const progress: number[] = [];
  const src = stackSource({ width, height, sizeC: channels, sizeZ: 1, sizeT: 1, dtype, planes: [plane] });
  const result = await writePyramid(src, sink, { chunkSize: cs, workers, onProgress: (f) => progress.push(f) });
  // Reference: downsample2x of each whole level, exact values.
  let ref = plane;
  for (let level = 0; level < result.levels.length; level++) {
    const size = result.levels[level]!;
    expect(size).toEqual({ width: ref.width, height: ref.height });
    for (let c = 0; c < channels; c++) {
      expect(firstMismatch(readLevel(objects, level, size, cs, dtype, c), channelOf(ref, c))).toBeNull();
    }
    ref = downsample2x(ref, 'mean');
  }
  const last = result.levels.at(-1)!;
  expect(last.width <= cs && last.height <= cs).toBe(true);
  expect(progress.at(-1)).toBe(1);
  return result;
}

describe('writePyramid', () => {
  it('uint16, 2 channels, odd sizes: every level equals downsample2x (mean, half up) of the previous, exactly', async () => {
    const r = await checkAgainstReference(301, 187, 2, 'uint16', 32);
    expect(r.levels.map((l) => [l.width, l.height])).toEqual([[301, 187], [151, 94], [76, 47], [38, 24], [19, 12]]);
  });
  it('uint8 single channel and float32 three channels', async () => {
    await checkAgainstReference(130, 257, 1, 'uint8', 16);
    await checkAgainstReference(97, 66, 3, 'float32', 16);
  });
  it('an image smaller than one chunk is one zero-padded chunk per channel', async () => {
    const plane = randomRaster(10, 7, 1, 'uint16');
    const { sink, objects } = memorySink();
    const r = await writePyramid(stackSource({ width: 10, height: 7, sizeC: 1, sizeZ: 1, sizeT: 1, dtype: 'uint16', planes: [plane] }), sink, { chunkSize: 16, compression: 'none' });
    expect(r.levels).toEqual([{ width: 10, height: 7 }]);
    expect([...objects.keys()]).toEqual(['0/0/0/0/0/0']);
    const chunk = new Uint16Array(objects.get('0/0/0/0/0/0')!.buffer);
    expect(chunk[16 * 6 + 9]).toBe(plane.data[7 * 10 - 1]);
    expect(chunk[16 * 6 + 10]).toBe(0);
    expect(chunk[16 * 7]).toBe(0);
  });
  it('compressed edge chunks are zero-padded too (their chunk arrays are reused from band to band)', async () => {
    for (const channels of [1, 2]) {
      const plane = randomRaster(40, 40, channels, 'uint16');
      const { sink, objects } = memorySink();
      await writePyramid(stackSource({ width: 40, height: 40, sizeC: channels, sizeZ: 1, sizeT: 1, dtype: 'uint16', planes: [plane] }), sink, { chunkSize: 16 });
      for (let c = 0; c < channels; c++) {
        const edge = new Uint16Array((await decodeChunk(objects.get(`0/0/${c}/0/2/2`)!, 'lz4')).slice().buffer);
        for (let y = 0; y < 16; y++) {
          for (let x = 0; x < 16; x++) {
            const expected = y < 8 && x < 8 ? plane.data[((32 + y) * 40 + 32 + x) * channels + c] : 0;
            expect(edge[y * 16 + x], `channel ${c} at ${x},${y}`).toBe(expected);
          }
        }
      }
    }
  });
  it('reads full-resolution bands into a few arrays it reuses', async () => {
    // (pyramid workers reuse them too, but a buffer moved to a worker and back is a new object: not checked here)
    const plane = randomRaster(50, 160, 2, 'uint16');
    const src = stackSource({ width: 50, height: 160, sizeC: 2, sizeZ: 1, sizeT: 1, dtype: 'uint16', planes: [plane] });
    const given = new Set<unknown>();
    const readRows: typeof src.readRows = (z, t, y, rows, into) => {
      given.add(into?.buffer);
      return src.readRows(z, t, y, rows, into);
    };
    const { sink, objects } = memorySink();
    await writePyramid({ ...src, readRows }, sink, { chunkSize: 16, workers: 0 });
    expect(given.has(undefined)).toBe(false);
    expect(given.size).toBeLessThanOrEqual(3); // of 10 bands
    expect(firstMismatch(readLevel(objects, 0, { width: 50, height: 160 }, 16, 'uint16', 1), channelOf(plane, 1))).toBeNull();
  });
  it('two 16-bit channels counted while cut (odd width, edge chunks) give the stats of counting the plane directly', async () => {
    const plane = randomRaster(101, 70, 2, 'uint16', 9);
    const src = stackSource({ width: 101, height: 70, sizeC: 2, sizeZ: 1, sizeT: 1, dtype: 'uint16', planes: [plane] });
    const r = await writePyramid(src, memorySink().sink, { chunkSize: 16, workers: 0 });
    const reference = new ChannelStatsAccumulator(2, 'uint16');
    reference.merge(bandStats(plane));
    expect(r.stats).toEqual(reference.finish(r.smallest));
    expect(r.stats[1]!.histogram.total).toBe(101 * 70);
  });
  it('writes Z and T planes under their own keys and counts exact histograms over all of them', async () => {
    const planes = [0, 1, 2, 3].map((i) => ({ width: 20, height: 20, channels: 1, dtype: 'uint16' as const, data: new Uint16Array(400).fill(100 * (i + 1)) }));
    const { sink, objects } = memorySink();
    const r = await writePyramid(stackSource({ width: 20, height: 20, sizeC: 1, sizeZ: 2, sizeT: 2, dtype: 'uint16', planes }), sink, { chunkSize: 16, compression: 'none' });
    expect(new Uint16Array(objects.get('0/1/0/1/0/0')!.buffer)[0]).toBe(400); // t=1, z=1 → planes[3]
    expect(new Uint16Array(objects.get('1/1/0/0/0/0')!.buffer)[0]).toBe(300);
    expect(r.stats[0]).toMatchObject({ min: 100, max: 400 });
    expect(r.stats[0]!.histogram.total).toBe(1600);
  });
  it.each(['lz4', 'zlib'] as const)('%s chunks decode to the raw chunk and are smaller for smooth data', async (compression) => {
    const data = new Uint16Array(64 * 64).map((_, i) => i % 64);
    const src = stackSource({ width: 64, height: 64, sizeC: 1, sizeZ: 1, sizeT: 1, dtype: 'uint16', planes: [{ width: 64, height: 64, channels: 1, dtype: 'uint16', data }] });
    const packed = memorySink();
    const raw = memorySink();
    expect((await writePyramid(src, packed.sink, { chunkSize: 64, compression })).compression).toBe(compression);
    await writePyramid(src, raw.sink, { chunkSize: 64, compression: 'none' });
    const chunk = packed.objects.get('0/0/0/0/0/0')!;
    expect(chunk.length).toBeLessThan(raw.objects.get('0/0/0/0/0/0')!.length / 4);
    expect(await decodeChunk(chunk, compression)).toEqual(raw.objects.get('0/0/0/0/0/0'));
    expect(await decodeChunk(raw.objects.get('0/0/0/0/0/0')!, null)).toBe(raw.objects.get('0/0/0/0/0/0'));
  });
  it('lz4 is the default', async () => {
    const src = stackSource({ width: 20, height: 20, sizeC: 1, sizeZ: 1, sizeT: 1, dtype: 'uint8', planes: [randomRaster(20, 20, 1, 'uint8')] });
    expect((await writePyramid(src, memorySink().sink, { chunkSize: 16 })).compression).toBe('lz4');
  });
  it('edge chunks are zero outside the image at every level', async () => {
    const plane = randomRaster(100, 70, 2, 'uint16', 5);
    for (let i = 0; i < plane.data.length; i++) plane.data[i] = 1 + (plane.data[i]! % 60000); // no true zeros inside
    const src = stackSource({ width: 100, height: 70, sizeC: 2, sizeZ: 1, sizeT: 1, dtype: 'uint16', planes: [plane] });
    const { sink, objects } = memorySink();
    const r = await writePyramid(src, sink, { chunkSize: 32, compression: 'none', concurrency: 2 });
    r.levels.forEach((size, level) => {
      for (let cy = 0; cy * 32 < size.height; cy++) for (let cx = 0; cx * 32 < size.width; cx++) for (let c = 0; c < 2; c++) {
        const chunk = new Uint16Array(objects.get(`${level}/0/${c}/0/${cy}/${cx}`)!.slice().buffer);
        for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) {
          const inside = cy * 32 + y < size.height && cx * 32 + x < size.width;
          if (inside !== (chunk[y * 32 + x] !== 0)) throw new Error(`level ${level} chunk ${cy}/${cx} c${c} (${x}, ${y}): ${chunk[y * 32 + x]}`);
        }
      }
    });
    expect(r.chunksWritten).toBeGreaterThan(20);
  });
  it('a failing sink fails the write (nothing reported as done)', async () => {
    const plane = randomRaster(64, 64, 1, 'uint8');
    const src = stackSource({ width: 64, height: 64, sizeC: 1, sizeZ: 1, sizeT: 1, dtype: 'uint8', planes: [plane] });
    await expect(writePyramid(src, async () => { throw new Error('S3 down'); }, { chunkSize: 16 })).rejects.toThrow('S3 down');
  });

  describe('on pyramid worker threads', () => {
    it('every level equals downsample2x of the previous, exactly, and progress reaches 1', async () => {
      await checkAgainstReference(301, 187, 2, 'uint16', 32, 2);
      await checkAgainstReference(97, 66, 3, 'float32', 16, 3);
    });
    it('writes the same objects, statistics and smallest level as the calling thread, over Z and T', async () => {
      const planes = Array.from({ length: 4 }, (_, i) => randomRaster(230, 170, 2, 'uint16', i + 3));
      const stack = { width: 230, height: 170, sizeC: 2, sizeZ: 2, sizeT: 2, dtype: 'uint16' as const, planes };
      const one = memorySink();
      const many = memorySink();
      const a = await writePyramid(stackSource(stack), one.sink, { chunkSize: 32, workers: 0 });
      const b = await writePyramid(stackSource(stack), many.sink, { chunkSize: 32, workers: 2 });
      expect([...many.objects.keys()].sort()).toEqual([...one.objects.keys()].sort());
      for (const [key, bytes] of one.objects) expect(Buffer.compare(many.objects.get(key)!, bytes), key).toBe(0);
      expect(b.stats).toEqual(a.stats);
      expect(b.smallest).toEqual(a.smallest);
      expect(b.chunksWritten).toBe(a.chunksWritten);
      expect(planes[3]!.data.length).toBe(230 * 170 * 2); // the caller's planes are copied to the workers, not taken
      const flat = randomRaster(100, 20, 1, 'uint16'); // one band is the whole plane
      await writePyramid(stackSource({ width: 100, height: 20, sizeC: 1, sizeZ: 1, sizeT: 1, dtype: 'uint16', planes: [flat] }), memorySink().sink, { chunkSize: 32, workers: 2 });
      expect(flat.data.length).toBe(100 * 20);
    });
    it('a failing sink fails the write and the workers stop', async () => {
      const src = stackSource({ width: 200, height: 200, sizeC: 1, sizeZ: 1, sizeT: 1, dtype: 'uint8', planes: [randomRaster(200, 200, 1, 'uint8')] });
      await expect(writePyramid(src, async () => { throw new Error('S3 down'); }, { chunkSize: 16, workers: 2 })).rejects.toThrow('S3 down');
    });
  });
});
