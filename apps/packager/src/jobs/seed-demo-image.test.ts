import { describe, expect, it } from 'vitest';
import { readImage } from '@tessera/imaging';
import { DEMO_NUCLEUS_COUNT, demoNuclei } from './demo-image-layout';
import { generateDemoTiff } from './seed-demo-image';

describe('generated demo image', () => {
  it('is a readable 2-channel 16-bit OME-TIFF with names, colours and pixel size', () => {
    const stack = readImage(generateDemoTiff(256, 3));
    expect(stack).toMatchObject({ width: 256, height: 256, sizeC: 2, dtype: 'uint16', channelNames: ['DAPI', 'GFP'], physicalSizeX: 0.325 });
    const data = stack.planes[0]!.data;
    let max = 0;
    for (let i = 0; i < data.length; i += 2) max = Math.max(max, data[i]!);
    expect(max).toBeGreaterThan(2000); // nuclei are there
  });

  it('exposes where its nuclei are: bright DAPI at every centre, dark DAPI just outside isolated ones', () => {
    const size = 512;
    const nuclei = demoNuclei(size, 5);
    expect(nuclei).toHaveLength(DEMO_NUCLEUS_COUNT);
    const data = readImage(generateDemoTiff(size, 5)).planes[0]!.data;
    const dapi = (x: number, y: number) => data[(Math.floor(y) * size + Math.floor(x)) * 2]!;
    for (const n of nuclei) {
      if (n.x >= size - 1 || n.y >= size - 1) continue;
      expect(dapi(n.x, n.y)).toBeGreaterThan(2000);
    }
    // Outside a nucleus that no other one reaches, DAPI is the background noise (300–420).
    const isolated = nuclei.filter((n) => nuclei.every((m) => m === n || Math.hypot(m.x - n.x, m.y - n.y) > m.r + n.r + 4));
    const inside = isolated.filter((n) => n.x > n.r + 3 && n.y > 0 && n.x < size);
    expect(inside.length).toBeGreaterThan(0);
    for (const n of inside) expect(dapi(n.x - n.r - 2, n.y)).toBeLessThan(420);
  });
});
