import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Writes a width × height, 2-channel (samples per pixel), uint16, uncompressed, stripped classic TIFF row by row
 * (never the whole image in memory). Channel 0: blobs on a textured background; channel 1: a ramp with rings.
 */
export function generateTiff(path: string, width: number, height: number, rowsPerStrip = 16): void {
  const spp = 2;
  const rowBytes = width * spp * 2;
  const strips = Math.ceil(height / rowsPerStrip);
  const tags: [number, number, number, number | number[]][] = [
    [256, 4, 1, width], [257, 4, 1, height], [258, 3, 2, [16, 16]], [259, 3, 1, 1], [262, 3, 1, 1],
    [273, 4, strips, []], [277, 3, 1, spp], [278, 4, 1, rowsPerStrip], [279, 4, strips, []], [284, 3, 1, 1],
    [338, 3, 1, 0], [339, 3, 2, [1, 1]],
  ];
  const ifdSize = 2 + tags.length * 12 + 4;
  const offsetsAt = 8 + ifdSize;
  const countsAt = offsetsAt + strips * 4;
  const dataAt = countsAt + strips * 4;
  const head = Buffer.alloc(dataAt);
  head.write('II', 0, 'latin1');
  head.writeUInt16LE(42, 2);
  head.writeUInt32LE(8, 4);
  head.writeUInt16LE(tags.length, 8);
  tags.forEach(([tag, type, count, value], i) => {
    const at = 10 + i * 12;
    head.writeUInt16LE(tag, at);
    head.writeUInt16LE(type, at + 2);
    head.writeUInt32LE(count, at + 4);
    if (tag === 273) head.writeUInt32LE(offsetsAt, at + 8);
    else if (tag === 279) head.writeUInt32LE(countsAt, at + 8);
    else if (Array.isArray(value)) value.forEach((v, k) => head.writeUInt16LE(v, at + 8 + k * 2)); // 2 SHORTs fit inline
    else if (type === 3) head.writeUInt16LE(value as number, at + 8);
    else head.writeUInt32LE(value as number, at + 8);
  });
  for (let s = 0; s < strips; s++) {
    const rows = Math.min(rowsPerStrip, height - s * rowsPerStrip);
    head.writeUInt32LE(dataAt + s * rowsPerStrip * rowBytes, offsetsAt + s * 4);
    head.writeUInt32LE(rows * rowBytes, countsAt + s * 4);
  }
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  const sx = Float32Array.from({ length: width }, (_, x) => Math.sin(x / 37));
  const block = new Uint16Array(width * spp * rowsPerStrip);
  for (let y0 = 0; y0 < height; y0 += rowsPerStrip) {
    const rows = Math.min(rowsPerStrip, height - y0);
    for (let r = 0; r < rows; r++) {
      const y = y0 + r;
      const cy = Math.cos(y / 41);
      const o = r * width * spp;
      for (let x = 0; x < width; x++) {
        block[o + x * 2] = (sx[x]! * cy > 0.5 ? 4000 : 1000) + ((x * 7 + y * 13) & 255);
        block[o + x * 2 + 1] = 500 + (((x + y) >> 3) & 4095) + ((((x - 10000) ** 2 + (y - 10000) ** 2) >> 14) & 1) * 2000;
      }
    }
    writeSync(fd, new Uint8Array(block.buffer, 0, rows * rowBytes));
  }
  closeSync(fd);
}
