import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readModel } from './read-model';
import type { CzannError } from './errors';
import { buildZip } from '../test/zip-builder';

const json = Buffer.from('{"Type": "Regression", "InputShape": [8, 8, 1], "OutputShape": [8, 8, 1]}');

describe('large DEFLATED entries inflate chunk by chunk', () => {
  const big = randomBytes(17 * 1024 ** 2); // incompressible: > 16 MiB compressed takes the streaming path

  it('returns the exact bytes', async () => {
    const m = await readModel(buildZip([{ name: 'model.json', data: json }, { name: 'model.model', data: big, deflate: true }]));
    expect(m.onnx.length).toBe(big.length);
    expect(Buffer.from(m.onnx).equals(big)).toBe(true);
  });

  it('stops at the declared size and reports a CRC lie', async () => {
    const short = buildZip([{ name: 'model.json', data: json }, { name: 'model.model', data: big, deflate: true, declaredSize: big.length - 10 }]);
    expect(((await readModel(short).catch((e: unknown) => e)) as CzannError).code).toBe('LIMIT_EXCEEDED');
    const badCrc = buildZip([{ name: 'model.json', data: json }, { name: 'model.model', data: big, deflate: true, crc: 42 }]);
    expect(((await readModel(badCrc).catch((e: unknown) => e)) as CzannError).code).toBe('CRC_MISMATCH');
  });
});
