import { describe, expect, it } from 'vitest';
import LZ4 from 'numcodecs/lz4';
import Zlib from 'numcodecs/zlib';
import { decodeChunk, encodeChunk, zarrCompressor } from './chunk-codec';

/** A 16-bit chunk with smooth areas, edges and noise, as little-endian bytes. */
function sampleChunk(size = 256): Uint8Array {
  const a = new Uint16Array(size * size);
  let seed = 7;
  for (let i = 0; i < a.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const x = i % size, y = Math.floor(i / size);
    a[i] = (Math.hypot(x - 100, y - 90) < 40 ? 3000 : 800) + (seed >>> 28);
  }
  return new Uint8Array(a.buffer);
}

// numcodecs (the npm port of Python's numcodecs, its C codecs compiled to WebAssembly) is the reference here: what
// zarr-python, napari and zarr.js read our chunks with
describe('chunk codecs are the Zarr (numcodecs) codecs their .zarray names', () => {
  it('lz4: our chunks decode with the reference codec and the reference codec\'s chunks decode with ours', async () => {
    const raw = sampleChunk();
    const ref = LZ4.fromConfig(zarrCompressor('lz4') as { id: 'lz4'; acceleration: number });
    const ours = encodeChunk(raw, 'lz4');
    expect(ours.length).toBeLessThan(raw.length / 2);
    expect(await ref.decode(ours)).toEqual(raw);
    expect(await decodeChunk(await ref.encode(raw), 'lz4')).toEqual(raw);
  });
  it('zlib: the same', async () => {
    const raw = sampleChunk();
    const ref = Zlib.fromConfig(zarrCompressor('zlib') as { id: 'zlib'; level: number });
    expect(await ref.decode(encodeChunk(raw, 'zlib'))).toEqual(raw);
    expect(await decodeChunk(await ref.encode(raw), 'zlib')).toEqual(raw);
  });
  it('none stores the bytes as they are', async () => {
    const raw = sampleChunk(16);
    expect(encodeChunk(raw, 'none')).toBe(raw);
    expect(zarrCompressor('none')).toBeNull();
  });
  it('a damaged lz4 chunk is an error, not wrong pixels', async () => {
    const ours = encodeChunk(sampleChunk(), 'lz4');
    await expect(decodeChunk(ours.subarray(0, ours.length - 100), 'lz4')).rejects.toThrow();
  });
});
