import { describe, expect, it } from 'vitest';
import LZ4 from 'numcodecs/lz4';
import { encodeChunk } from '@tessera/zarr';
import { decodeLz4Chunk } from './lz4';

/** 16-bit samples: flat areas, a ramp, noise and long runs, so every kind of LZ4 sequence occurs. */
function samples(n: number): Uint8Array {
  const a = new Uint16Array(n);
  let seed = 11;
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    a[i] = i < n / 4 ? 0 : i < n / 2 ? 1000 + (i % 700) : i < (3 * n) / 4 ? seed >>> 16 : 2000 + (seed >>> 30);
  }
  return new Uint8Array(a.buffer);
}

describe('decodeLz4Chunk (the viewer\'s decoder for numcodecs lz4 chunks)', () => {
  it('decodes the chunks ingest writes (lz4-napi) and those of the reference codec (numcodecs, C LZ4 in WebAssembly)', async () => {
    for (const n of [1, 7, 300, 512 * 512]) {
      const raw = samples(n);
      expect(decodeLz4Chunk(encodeChunk(raw, 'lz4')), `ingest, ${n} samples`).toEqual(raw);
      expect(decodeLz4Chunk(await LZ4.fromConfig({ id: 'lz4', acceleration: 1 }).encode(raw)), `reference, ${n} samples`).toEqual(raw);
    }
  });
  it('decodes incompressible and all-zero chunks', async () => {
    const noise = new Uint8Array(100_000).map((_, i) => (i * 2654435761) >>> 24);
    expect(decodeLz4Chunk(encodeChunk(noise, 'lz4'))).toEqual(noise);
    const zeros = new Uint8Array(512 * 512 * 2);
    const packed = encodeChunk(zeros, 'lz4');
    expect(packed.length).toBeLessThan(3000); // of 524,288
    expect(decodeLz4Chunk(packed)).toEqual(zeros);
  });
  it('a truncated or damaged chunk throws instead of giving wrong pixels', () => {
    const packed = encodeChunk(samples(512 * 512), 'lz4');
    expect(() => decodeLz4Chunk(packed.subarray(0, packed.length - 10))).toThrow(/LZ4 chunk/);
    expect(() => decodeLz4Chunk(packed.subarray(0, 3))).toThrow(/too short/);
    const bad = packed.slice();
    bad[4] = 0x0f; // first token: no literals, a match before any output
    bad[5] = 0x00;
    bad[6] = 0x00;
    expect(() => decodeLz4Chunk(bad)).toThrow(/LZ4 chunk/);
  });
});
