import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTiff, type DType, type ImageStack } from './index';
import { allocateSamples } from './types';

/** Optional: runs only where Debian's python3-tifffile is installed (CI may not have it). */
const PYTHON = '/usr/bin/python3';
const hasTifffile = spawnSync(PYTHON, ['-c', 'import tifffile, numpy'], { stdio: 'ignore' }).status === 0;

const SCRIPT = `
import json, sys, tifffile
out = []
for path in sys.argv[1:]:
    with tifffile.TiffFile(path) as t:
        s = t.series[0]
        a = s.asarray()
        meta = tifffile.xml2dict(t.ome_metadata)['OME']['Image']['Pixels'] if t.is_ome else None
        out.append({'shape': list(a.shape), 'axes': s.axes, 'dtype': str(a.dtype), 'sum': float(a.astype('float64').sum()),
                    'first': a.reshape(-1)[:4].tolist(), 'bigtiff': t.is_bigtiff, 'ome': t.is_ome,
                    'names': [c.get('Name') for c in (meta['Channel'] if isinstance(meta['Channel'], list) else [meta['Channel']])] if meta else None,
                    'px': meta.get('PhysicalSizeX') if meta else None})
print(json.dumps(out))
`;

describe.skipIf(!hasTifffile)('tifffile reads what writeTiff writes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imaging-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function stack(dtype: DType, sizeC: number, sizeZ: number): ImageStack {
    const planes = Array.from({ length: sizeZ }, (_, z) => {
      const data = allocateSamples(dtype, 50 * 30 * sizeC);
      for (let i = 0; i < data.length; i++) data[i] = ((i * 7 + z * 13) % 200) - (dtype.startsWith('int') ? 100 : 0);
      return { width: 50, height: 30, channels: sizeC, dtype, data };
    });
    return { width: 50, height: 30, sizeC, sizeZ, sizeT: 1, dtype, planes };
  }
  const sum = (s: ImageStack) => {
    let total = 0;
    for (const p of s.planes) for (let i = 0; i < p.data.length; i++) total += p.data[i]!;
    return total;
  };

  it('every dtype, plain and deflate, OME multi-channel and BigTIFF', () => {
    const cases: { name: string; s: ImageStack; bytes: Uint8Array }[] = [];
    for (const dtype of ['uint8', 'int8', 'uint16', 'int16', 'uint32', 'int32', 'float32', 'float64'] as DType[]) {
      for (const compression of ['none', 'deflate'] as const) {
        const s = stack(dtype, 1, 1);
        cases.push({ name: `${dtype}-${compression}.tif`, s, bytes: writeTiff(s, { compression }) });
      }
    }
    const ome = { ...stack('uint16', 3, 2), channelNames: ['DAPI', 'GFP', 'RFP'], physicalSizeX: 0.2, physicalSizeY: 0.2 };
    cases.push({ name: 'ome.ome.tif', s: ome, bytes: writeTiff(ome, { compression: 'deflate' }) });
    cases.push({ name: 'big.ome.tif', s: ome, bytes: writeTiff(ome, { bigTiff: true }) });
    for (const c of cases) writeFileSync(join(dir, c.name), c.bytes);
    const results = JSON.parse(execFileSync(PYTHON, ['-c', SCRIPT, ...cases.map((c) => join(dir, c.name))], { encoding: 'utf8' })) as {
      shape: number[]; dtype: string; sum: number; bigtiff: boolean; ome: boolean; names: string[] | null; px: string | null;
    }[];
    cases.forEach((c, i) => {
      const r = results[i]!;
      expect(r.dtype).toBe(c.s.dtype);
      expect(r.sum).toBeCloseTo(sum(c.s), 3);
      if (c.s.sizeC === 1) expect(r.shape).toEqual([30, 50]);
    });
    const [omeResult, bigResult] = results.slice(-2);
    expect(omeResult).toMatchObject({ shape: [2, 3, 30, 50], ome: true, names: ['DAPI', 'GFP', 'RFP'], bigtiff: false });
    expect(Number(omeResult!.px)).toBe(0.2);
    expect(bigResult).toMatchObject({ shape: [2, 3, 30, 50], ome: true, bigtiff: true });
  });
});
