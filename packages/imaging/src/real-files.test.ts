import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesReader, openTiff, readImage } from './index';

const DATA = join(__dirname, '../../../../shared/data');
const BBBC = join(DATA, 'nuclei-bbbc039');

/** Expected [height, width, (0,0), (347,259), (695,519), sum of all pixels], obtained once with Debian's tifffile 2023.2.3. */
const TIFFFILE: Record<string, number[]> = {
  'IXMtest_A02_s1_w1051DAA7C-7042-435F-99F0-1E847D9B42CB.tif': [520, 696, 145, 159, 164, 89807251],
  'IXMtest_A20_s4_w153DE191F-B112-471B-AC0A-FAD27990714B.tif': [520, 696, 140, 158, 142, 88051812],
  'IXMtest_B12_s2_w19F7E0279-D087-4B5E-9899-61971C29CB78.tif': [520, 696, 142, 275, 154, 101371191],
  'IXMtest_B22_s6_w19397283D-2426-4942-8A0F-EB75E1D48C2D.tif': [520, 696, 697, 169, 152, 84042014],
  'IXMtest_C14_s8_w1612E3D43-FA7E-4FFB-BE53-F34A3A0CAFCD.tif': [520, 696, 137, 183, 171, 115132203],
  'IXMtest_D04_s9_w17B6268DB-8215-4DC6-943C-CC009A8A5732.tif': [520, 696, 144, 175, 411, 103828986],
  'IXMtest_D20_s9_w1588B4C42-5A0D-4B93-9A80-A6527CC1C411.tif': [520, 696, 343, 155, 149, 86881380],
  'IXMtest_E19_s2_w1752F162C-2C91-4A67-BF4F-D073C3D88291.tif': [520, 696, 638, 388, 150, 115685476],
  'IXMtest_F08_s7_w117D78658-1BA7-495D-9EAA-E4FA155861AC.tif': [520, 696, 137, 187, 533, 68044812],
  'IXMtest_F22_s6_w1F4C7ADE4-B68D-4D30-A063-722B87AA2DA1.tif': [520, 696, 137, 151, 155, 107431650],
  'IXMtest_G13_s9_w19606195E-12B4-46FF-9B83-1F7FE11B3AFB.tif': [520, 696, 623, 182, 166, 89862045],
  'IXMtest_H01_s8_w13C7E7AAD-FC32-42F8-88C5-DDEA4BD8832C.tif': [520, 696, 123, 211, 169, 80419180],
  'IXMtest_H16_s4_w16207B133-B3F5-4C39-87A6-D71359B27581.tif': [520, 696, 178, 153, 139, 81870899],
  'IXMtest_I08_s2_w11996D679-5D76-4FB8-A681-2014A8999EC8.tif': [520, 696, 426, 177, 168, 109368591],
  'IXMtest_I18_s3_w1544C8B7A-E092-4F9D-B8D3-C489638D770F.tif': [520, 696, 310, 178, 170, 111023278],
  'IXMtest_J15_s9_w1857B395F-AE7A-4319-BC26-3A041C0E31E9.tif': [520, 696, 147, 183, 189, 122179668],
  'IXMtest_K03_s5_w1DC4CE558-042C-482E-8CAE-FCCB57AA9A55.tif': [520, 696, 138, 171, 164, 119338757],
  'IXMtest_K17_s5_w1BB3AD9D7-3A85-458C-AB1C-07A816C2C203.tif': [520, 696, 174, 152, 618, 101234665],
  'IXMtest_L06_s5_w1610AE208-D6E8-4DC4-AC19-D26284AA8556.tif': [520, 696, 409, 682, 199, 106098075],
  'IXMtest_M12_s5_w16D817EFA-C3C9-45DB-AC15-61BB143DEC62.tif': [520, 696, 709, 173, 158, 123080255],
  'IXMtest_N11_s4_w142A84EA3-47C3-4B49-B6CA-BBC6685BBE1E.tif': [520, 696, 136, 150, 145, 79584910],
  'IXMtest_N23_s2_w16380EDDA-E5B8-4168-8BE7-F83AD9810680.tif': [520, 696, 138, 379, 501, 83984235],
  'IXMtest_O10_s8_w18F4DB020-BFB7-4F13-B99C-C39F8E54F85D.tif': [520, 696, 139, 164, 165, 66233927],
  'IXMtest_P01_s3_w1A7DC2612-9C11-4656-B100-102AF8FE8B43.tif': [520, 696, 337, 166, 568, 84496529],
};

const sum = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
};

describe('real files', () => {
  const files = readdirSync(join(BBBC, 'images')).filter((f) => f.endsWith('.tif')).sort();

  it('finds all 24 BBBC039 images', () => {
    expect(files).toEqual(Object.keys(TIFFFILE).sort());
  });

  it.each(files)('decodes BBBC039 %s exactly as tifffile does', (file) => {
    const [h, w, a, b, c, total] = TIFFFILE[file]!;
    const stack = readImage(readFileSync(join(BBBC, 'images', file)));
    expect([stack.height, stack.width, stack.sizeC, stack.sizeZ, stack.sizeT, stack.dtype]).toEqual([h, w, 1, 1, 1, 'uint16']);
    const d = stack.planes[0]!.data;
    expect([d[0], d[259 * 696 + 347], d[519 * 696 + 695], sum(d)]).toEqual([a, b, c, total]);
  });

  it('decodes the SEM OME-TIFF with its OME-XML metadata', () => {
    const stack = readImage(readFileSync(join(DATA, 'sem-grains/211122_AM_Al2O3_SE_023.ome.tiff')));
    expect([stack.height, stack.width, stack.sizeC, stack.sizeZ, stack.sizeT, stack.dtype]).toEqual([1536, 2048, 1, 1, 1, 'uint8']);
    // OME-XML lists three <Channel> elements but SizeC="1": SizeC wins.
    expect(stack.channelNames).toEqual(['C1']);
    expect(stack.physicalSizeX).toBeCloseTo(0.02791, 8);
    expect(stack.physicalSizeY).toBeCloseTo(0.02791, 8);
    expect(stack.physicalSizeZ).toBe(1);
    const d = stack.planes[0]!.data;
    expect([d[0], d[767 * 2048 + 1023], d[1535 * 2048 + 2047], sum(d)]).toEqual([187, 189, 182, 569634103]);
  });

  it('reads a region of the SEM image through a random-access reader, one strip at a time', async () => {
    const bytes = readFileSync(join(DATA, 'sem-grains/211122_AM_Al2O3_SE_023.ome.tiff'));
    let requested = 0;
    const tiff = await openTiff(async (offset, length) => {
      requested += length;
      return bytes.subarray(offset, offset + length);
    });
    const full = readImage(bytes).planes[0]!;
    requested = 0;
    const region = await tiff.readPlane(0, 0, { x: 1000, y: 700, width: 64, height: 32 });
    expect(region.width * region.height).toBe(64 * 32);
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 64; x += 7) expect(region.data[y * 64 + x]).toBe(full.data[(700 + y) * 2048 + 1000 + x]);
    }
    expect(requested).toBeLessThan(bytes.length / 4);
  });

  it.each(files.slice(0, 4))('decodes the BBBC039 PNG mask of %s as 8-bit RGBA', (file) => {
    const stack = readImage(readFileSync(join(BBBC, 'masks', file.replace(/\.tif$/, '.png'))));
    expect([stack.width, stack.height, stack.sizeC, stack.dtype]).toEqual([696, 520, 4, 'uint8']);
    const d = stack.planes[0]!.data;
    const reds = new Set<number>();
    let opaque = 0;
    for (let i = 0; i < d.length; i += 4) {
      reds.add(d[i]!);
      if (d[i + 3] === 255) opaque++;
    }
    expect([...reds].sort()).toEqual([0, 1, 2, 3]);
    expect(opaque).toBe(696 * 520);
  });

  it('reads through bytesReader the same as readImage', async () => {
    const bytes = readFileSync(join(BBBC, 'images', files[0]!));
    const stack = await (await openTiff(bytesReader(bytes))).readStack();
    expect(sum(stack.planes[0]!.data)).toBe(TIFFFILE[files[0]!]![5]);
  });
});
