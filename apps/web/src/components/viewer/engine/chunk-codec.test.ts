import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeChunk } from '@tessera/zarr';
import { decodeChunkResponse } from './chunk-codec';

const raw = new Uint8Array(new Uint16Array(4096).map((_, i) => 1000 + (i % 97) * 3).buffer);

describe('decodeChunkResponse (the viewer\'s chunk decoding, by the level\'s codec)', () => {
  it('decodes lz4 (new pyramids), zlib (pyramids ingested before lz4) and raw chunks to the same samples', async () => {
    expect(new Uint8Array(await decodeChunkResponse(new Response(new Uint8Array(encodeChunk(raw, 'lz4'))), 'lz4'))).toEqual(raw);
    expect(new Uint8Array(await decodeChunkResponse(new Response(deflateSync(raw, { level: 1 })), 'zlib'))).toEqual(raw);
    expect(new Uint8Array(await decodeChunkResponse(new Response(raw), null))).toEqual(raw);
  });
  it('a damaged chunk is an error', async () => {
    const lz4 = encodeChunk(raw, 'lz4');
    await expect(decodeChunkResponse(new Response(new Uint8Array(lz4.subarray(0, lz4.length - 9))), 'lz4')).rejects.toThrow(/LZ4 chunk/);
    await expect(decodeChunkResponse(new Response(new Uint8Array([1, 2, 3, 4, 5])), 'zlib')).rejects.toThrow();
  });
});
