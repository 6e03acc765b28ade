import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { md5Hex } from './md5';

describe('md5Hex', () => {
  it('matches RFC 1321 vectors and node:crypto on every tail length and a large buffer', () => {
    expect(md5Hex(new Uint8Array(0))).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex(new TextEncoder().encode('abc'))).toBe('900150983cd24fb0d6963f7d28e17f72');
    for (let n = 0; n < 140; n++) {
      const b = randomBytes(n);
      expect(md5Hex(new Uint8Array(b))).toBe(createHash('md5').update(b).digest('hex'));
    }
    const big = randomBytes(3 * 2 ** 20 + 7);
    expect(md5Hex(new Uint8Array(big.buffer, big.byteOffset + 1, big.length - 1))).toBe(createHash('md5').update(big.subarray(1)).digest('hex'));
  });
});
