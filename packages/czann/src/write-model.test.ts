import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readModel } from './read-model';
import { writeCzann, writeCzmodel, formatModelJson } from './write-model';
import { crc32 } from './crc32';
import { writeZip } from './zip-write';
import { SAMPLE_FILES, samplePath } from '../test/samples';
import type { ModelMetadata } from './types';

/** Parses a ZIP by hand (independently of our reader) into its local entries. */
function localEntries(zip: Uint8Array) {
  const b = Buffer.from(zip);
  const out: { name: string; method: number; flags: number; version: number; extraLen: number; data: Buffer; crc: number }[] = [];
  let p = 0;
  while (b.readUInt32LE(p) === 0x04034b50) {
    const size = b.readUInt32LE(p + 18);
    const n = b.readUInt16LE(p + 26);
    const e = b.readUInt16LE(p + 28);
    out.push({
      name: b.toString('utf8', p + 30, p + 30 + n), version: b.readUInt16LE(p + 4), flags: b.readUInt16LE(p + 6),
      method: b.readUInt16LE(p + 8), crc: b.readUInt32LE(p + 14), extraLen: e, data: b.subarray(p + 30 + n + e, p + 30 + n + e + size),
    });
    p += 30 + n + e + size;
  }
  return out;
}

const onnx = new Uint8Array([8, 7, 18, 4, 116, 101, 115, 116]); // any bytes: the writer does not parse them

describe('writeCzann: the reference layout', () => {
  it('writes STORED model.json then model.model with Python json.dumps text in the reference key order', () => {
    const md: ModelMetadata = {
      type: 'SingleClassSemanticSegmentation', inputShape: [256, 256, 3], outputShape: [256, 256, 2], minOverlap: [16, 16],
      classes: ['Background', 'Zelle µ'], modelName: 'Demo "model"', scaling: [2.5e-7, 1], id: '0f8fad5b-d9cb-469f-a165-70867728950e',
      extra: { ModelDescription: 'kept' },
    };
    const zip = writeCzann({ metadata: md, onnx, license: 'MIT' }, { date: new Date(2024, 0, 2, 3, 4, 6) });
    const entries = localEntries(zip);
    expect(entries.map((e) => [e.name, e.method, e.flags, e.version, e.extraLen])).toEqual([
      ['model.json', 0, 0, 20, 0], ['model.model', 0, 0, 20, 0], ['license.txt', 0, 0, 20, 0],
    ]);
    const expectedJson =
      '{"Id": "0f8fad5b-d9cb-469f-a165-70867728950e", "Type": "SingleClassSemanticSegmentation", ' +
      '"InputShape": [256, 256, 3], "OutputShape": [256, 256, 2], "MinOverlap": [16, 16], ' +
      '"Classes": ["Background", "Zelle \\u00b5"], "ModelName": "Demo \\"model\\"", "Scaling": [2.5e-07, 1.0], ' +
      '"ModelDescription": "kept"}';
    expect(entries[0]!.data.toString('utf8')).toBe(expectedJson);
    expect(Buffer.from(entries[1]!.data).equals(Buffer.from(onnx))).toBe(true);
    for (const e of entries) expect(e.crc).toBe(crc32(e.data));
    // Central directory: made by unix/2.0, external attrs 0o600 << 16; end record counts 3.
    const b = Buffer.from(zip);
    const cd = b.indexOf(Buffer.from([0x50, 0x4b, 1, 2]));
    expect(b.readUInt16LE(cd + 4)).toBe(0x0314);
    expect(b.readUInt32LE(cd + 38)).toBe(0o600 << 16);
    expect(b.readUInt16LE(b.length - 22 + 10)).toBe(3);
  });

  it('omits absent optional keys and makes a fresh UUID v4 when none is given', () => {
    const md: ModelMetadata = { type: 'Regression', inputShape: [64, 64, 1], outputShape: [64, 64, 1], extra: {} };
    const a = formatModelJson(md, 'x');
    expect(a).toBe('{"Id": "x", "Type": "Regression", "InputShape": [64, 64, 1], "OutputShape": [64, 64, 1]}');
    const ids = [writeCzann({ metadata: md, onnx }), writeCzann({ metadata: md, onnx })].map(
      (z) => JSON.parse(localEntries(z)[0]!.data.toString()).Id as string,
    );
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('reads back a model.json that has no Id (readers tolerate it)', async () => {
    const json = '{"Type": "Regression", "InputShape": [64, 64, 1], "OutputShape": [64, 64, 1]}';
    const zip = writeZip([{ name: 'model.json', data: Buffer.from(json) }, { name: 'model.model', data: onnx }]);
    const m = await readModel(zip);
    expect(m.metadata).toEqual({ type: 'Regression', inputShape: [64, 64, 1], outputShape: [64, 64, 1], extra: {} });
  });
});

describe('round trips on the real files', () => {
  for (const f of SAMPLE_FILES) {
    it(`${f}: read -> write -> read keeps the metadata and the ONNX bytes`, async () => {
      const m = await readModel(samplePath(f));
      const written = m.format === 'czann' ? writeCzann(m) : writeCzmodel(m);
      const back = await readModel(written, { legacyFormat: m.format === 'czann' ? undefined : (m.format as 'czseg') });
      expect(back.metadata).toEqual(m.metadata);
      expect(Buffer.from(back.onnx).equals(Buffer.from(m.onnx))).toBe(true);
      expect(back.format).toBe(m.format);
    });
  }

  // The five files the reference producer (Python zipfile, STORED) wrote: our writer reproduces them bit for bit.
  const referenceMade = SAMPLE_FILES.filter((f) => !f.startsWith('napari_N2V') && !f.endsWith('_out5.czann'));
  for (const f of referenceMade) {
    it(`${f}: rewriting with the same id and date gives the identical file`, async () => {
      const original = readFileSync(samplePath(f));
      const m = await readModel(samplePath(f));
      const cdOffset = original.readUInt32LE(original.length - 22 + 16);
      const host = original[cdOffset + 5] === 0 ? 'windows' : 'unix';
      const opts = { date: m.modified!, host } as const;
      const again = m.format === 'czann' ? writeCzann(m, opts) : writeCzmodel(m, { ...opts, version: '3.1.0' });
      expect(Buffer.from(again).equals(original)).toBe(true);
    });
  }
});
