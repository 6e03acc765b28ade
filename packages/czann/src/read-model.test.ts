import { createReadStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readModel } from './read-model';
import { SAMPLE_FILES, sampleBytes, samplePath } from '../test/samples';
import { EXPECTED_METADATA, ONNX_SIZES } from '../test/expected-metadata';

describe('readModel on the real files', () => {
  it('covers all eight samples', () => expect(SAMPLE_FILES).toEqual(Object.keys(EXPECTED_METADATA).sort()));

  for (const name of Object.keys(EXPECTED_METADATA)) {
    it(`reads ${name} with its exact metadata`, async () => {
      const m = await readModel(samplePath(name));
      expect(m.metadata).toEqual(EXPECTED_METADATA[name]);
      expect(m.format).toBe(name.endsWith('.czseg') ? 'czseg' : 'czann');
      expect(m.onnx.length).toBe(ONNX_SIZES[name]);
      expect(m.license).toBeUndefined();
    });
  }

  it('reads the same model from a path, a buffer and a stream', async () => {
    const name = 'napari_N2V_tobacco_leaf_Whitened.czann'; // DEFLATED + pretty JSON
    const fromPath = await readModel(samplePath(name));
    const fromBuffer = await readModel(sampleBytes(name));
    const fromStream = await readModel(createReadStream(samplePath(name), { highWaterMark: 4096 }));
    for (const m of [fromBuffer, fromStream]) {
      expect(m.metadata).toEqual(fromPath.metadata);
      expect(Buffer.from(m.onnx).equals(Buffer.from(fromPath.onnx))).toBe(true);
    }
  });

  it('keeps unknown keys in file order and the entry date', async () => {
    const m = await readModel(samplePath('napari_N2V_tobacco_leaf_Whitened.czann'));
    expect(Object.keys(m.metadata.extra)).toEqual(['ModelDescription']);
    expect(m.entries).toEqual({ metadata: 'model.json', onnx: 'model.model' });
    expect(m.modified).toEqual(new Date(2023, 4, 30, 8, 54, 10));
  });

  it('names the legacy entries and version', async () => {
    const m = await readModel(samplePath('i2k_simple_nuclei_segmodel_legacy.czseg'));
    expect(m.legacyVersion).toBe('3.1.0');
    expect(m.entries.metadata).toBe('27eaeeab-7e9a-4f9c-88bb-6e5b477d2241.xml');
    expect(m.entries.onnx).toBe('27eaeeab-7e9a-4f9c-88bb-6e5b477d2241.model');
  });
});
