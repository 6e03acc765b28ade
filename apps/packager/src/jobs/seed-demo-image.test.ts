import { describe, expect, it } from 'vitest';
import { readImage } from '@tessera/imaging';
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
});
