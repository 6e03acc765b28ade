/**
 * Decodes a chunk stored with numcodecs' `lz4` codec (Zarr): a 4-byte little-endian decoded size, then one LZ4 block
 * (https://github.com/lz4/lz4/blob/dev/doc/lz4_Block_format.md). Browsers have no LZ4, and the block format is small
 * enough to decode here (the chunk worker does it, off the page's thread). Throws on a damaged or truncated chunk
 * rather than returning wrong pixels.
 */
export function decodeLz4Chunk(stored: Uint8Array): Uint8Array {
  if (stored.length < 4) throw new Error('LZ4 chunk: too short');
  const size = (stored[0]! | (stored[1]! << 8) | (stored[2]! << 16) | (stored[3]! << 24)) >>> 0;
  const out = new Uint8Array(size);
  const written = decodeLz4Block(stored.subarray(4), out);
  if (written !== size) throw new Error(`LZ4 chunk: ${written} of ${size} bytes decoded`);
  return out;
}

/** Decodes one LZ4 block into `out`; returns the number of bytes written. */
export function decodeLz4Block(src: Uint8Array, out: Uint8Array): number {
  const end = src.length;
  let s = 0;
  let d = 0;
  const damaged = () => new Error('LZ4 chunk: damaged data');
  while (s < end) {
    const token = src[s++]!;
    let literals = token >>> 4;
    if (literals === 15) {
      let b;
      do {
        if (s >= end) throw damaged();
        b = src[s++]!;
        literals += b;
      } while (b === 255);
    }
    if (s + literals > end || d + literals > out.length) throw damaged();
    if (literals > 32) out.set(src.subarray(s, s + literals), d);
    else for (let i = 0; i < literals; i++) out[d + i] = src[s + i]!;
    s += literals;
    d += literals;
    if (s === end) return d; // the last sequence has literals only
    if (s + 2 > end) throw damaged();
    const offset = src[s]! | (src[s + 1]! << 8);
    s += 2;
    if (offset === 0 || offset > d) throw damaged();
    let length = token & 15;
    if (length === 15) {
      let b;
      do {
        if (s >= end) throw damaged();
        b = src[s++]!;
        length += b;
      } while (b === 255);
    }
    length += 4;
    if (d + length > out.length) throw damaged();
    let m = d - offset;
    if (offset >= length && length > 32) {
      out.copyWithin(d, m, m + length);
      d += length;
    } else {
      // overlapping (a run: offset < length) or short: byte by byte, each byte may be one just written
      for (const stop = d + length; d < stop; ) out[d++] = out[m++]!;
    }
  }
  return d;
}
