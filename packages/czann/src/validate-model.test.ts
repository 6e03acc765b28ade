import { describe, expect, it } from 'vitest';
import { readModel } from './read-model';
import { validateModel } from './validate-model';
import { SAMPLE_FILES, samplePath } from '../test/samples';
import type { CzModel } from './types';

const codes = (m: CzModel, severity: 'error' | 'warning') =>
  validateModel(m).findings.filter((f) => f.severity === severity).map((f) => f.code).sort();

describe('validateModel', () => {
  it('reports napari_simple_regmodel_out5.czann as inconsistent, with the reference producer messages', async () => {
    const r = validateModel(await readModel(samplePath('napari_simple_regmodel_out5.czann')));
    expect(r.valid).toBe(false);
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.code, f.field])).toEqual([['INPUT_SHAPE_MISMATCH', 'InputShape'], ['OUTPUT_SHAPE_MISMATCH', 'OutputShape']]);
    expect(errors[0]!.message).toMatch(/^The input shape of the provided model \(512, 512, 1\) is not consistent with the input shape provided in the metadata \(512, 512, 5\)/);
  });

  it('accepts every other real file, with the expected advisories', async () => {
    const expected: Record<string, string[]> = {
      'i2k_simple_kidney_regmodel.czann': ['SCALING_MISSING'],
      'i2k_simple_nuclei_segmodel_from_json.czann': ['SCALING_MISSING'],
      'i2k_simple_nuclei_segmodel_legacy.czseg': ['LEGACY_RAW_INPUTS', 'SCALING_MISSING'],
      'napari_N2V_tobacco_leaf.czann': ['OPSET_NOT_12', 'SCALING_MISSING'],
      'napari_N2V_tobacco_leaf_Whitened.czann': ['OPSET_NOT_12', 'SCALING_MISSING'],
      'napari_simple_nuclei_segmodel.czann': ['SCALING_MISSING'],
      'napari_simple_regmodel.czann': [],
    };
    for (const f of SAMPLE_FILES.filter((n) => !n.endsWith('_out5.czann'))) {
      const m = await readModel(samplePath(f));
      expect(codes(m, 'error'), f).toEqual([]);
      expect(codes(m, 'warning'), f).toEqual(expected[f]);
    }
  });

  it('flags consumer-breaking metadata as errors, each naming its field', async () => {
    const base = await readModel(samplePath('napari_simple_nuclei_segmodel.czann'));
    const broken = (patch: Partial<CzModel['metadata']>): CzModel => ({ ...base, metadata: { ...base.metadata, ...patch } });
    expect(codes(broken({ classes: ['only', 'three', 'names'] }), 'error')).toEqual(['CLASSES_COUNT']);
    expect(codes(broken({ classes: undefined }), 'error')).toEqual(['CLASSES_MISSING']);
    expect(codes(broken({ minOverlap: [7, 7] }), 'error')).toEqual(['MIN_OVERLAP_ODD']);
    expect(codes(broken({ minOverlap: undefined }), 'error')).toEqual(['MIN_OVERLAP_MISSING']);
    expect(codes(broken({ inputShape: [1024, 1024] }), 'error')).toEqual(['INPUT_SHAPE_MISMATCH', 'SHAPE_RANK']);
    expect(codes(broken({ outputShape: [1024, 512, 2] }), 'error')).toEqual(['OUTPUT_SHAPE_MISMATCH']);
    expect(codes(broken({ modelName: undefined }), 'warning')).toContain('MODEL_NAME_MISSING');
    const f = validateModel(broken({ classes: ['a', 'b', 'c'] })).findings.find((x) => x.code === 'CLASSES_COUNT')!;
    expect(f.field).toBe('Classes');
    expect(f.message).toContain('OutputShape has 2 channels');
  });

  it('treats symbolic model dims as wildcards (N2V has symbolic H and W)', async () => {
    const m = await readModel(samplePath('napari_N2V_tobacco_leaf.czann'));
    const r = validateModel({ ...m, metadata: { ...m.metadata, inputShape: [256, 256, 1], outputShape: [256, 256, 1] } });
    expect(r.findings.filter((x) => x.code.endsWith('SHAPE_MISMATCH'))).toEqual([]);
  });

  it('reports unreadable ONNX as an error finding, not a throw', async () => {
    const m = await readModel(samplePath('napari_simple_regmodel.czann'));
    const r = validateModel({ ...m, onnx: new Uint8Array([0xff, 0xff, 0xff]) });
    expect(r.valid).toBe(false);
    expect(r.findings.map((f) => f.code)).toContain('ONNX_UNREADABLE');
  });
});
