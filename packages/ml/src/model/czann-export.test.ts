import { readModel, validateModel, writeCzann } from '@tessera/czann';
import { describe, expect, it } from 'vitest';
import { buildInferenceGraph } from './build-inference-graph';
import { seededParams } from './test-fixtures';
import { unetFromPreset } from './unet-config';

describe('export as .czann through @tessera/czann', () => {
  for (const norm of ['none', 'group'] as const) it(`writes a .czann whose metadata and ONNX agree (norm ${norm}; validator finds no error)`, async () => {
    const cfg = { ...unetFromPreset('small', 1, 3), norm };
    const onnx = buildInferenceGraph(cfg, seededParams(cfg, 1), { normalisation: { offset: [0.01], scale: [20] } });
    const bytes = writeCzann({
      metadata: {
        type: 'SingleClassInstanceSegmentation', inputShape: [256, 256, 1], outputShape: [256, 256, 3], minOverlap: [32, 32],
        classes: ['background', 'interior', 'boundary'], modelName: 'test', extra: {},
      },
      onnx,
    });
    const model = await readModel(bytes);
    const report = validateModel(model);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.valid).toBe(true);
    expect(model.metadata.outputShape).toEqual([256, 256, 3]);
  });
});
