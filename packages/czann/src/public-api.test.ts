import { describe, expect, it } from 'vitest';
import * as api from './index';

describe('@tessera/czann public API', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CZANN_ERROR_CODES', 'CzannError', 'DEFAULT_READ_LIMITS', 'LICENSE_ENTRY', 'MODEL_TYPES', 'ModelJsonSchema', 'ONNX_ELEM_TYPES',
      'PIXEL_TYPES', 'PIXEL_TYPE_MAX', 'convertLegacy', 'formatModelJson', 'inspectOnnx', 'isCzannError', 'legacyInputScale',
      'readModel', 'scaleOnnxInput', 'validateModel', 'writeCzann', 'writeCzmodel', 'writeZip',
    ]);
  });

  it('keeps the agreed signatures and types usable', async () => {
    const md: api.ModelMetadata = { type: 'Regression', inputShape: [8, 8, 1], outputShape: [8, 8, 1], extra: {} };
    const bytes: Uint8Array = api.writeCzann({ metadata: md, onnx: new Uint8Array([1]) });
    const m: api.CzModel = await api.readModel(bytes, { maxEntries: 4 } satisfies api.ReadLimits);
    expect(m.format).toBe('czann');
    expect(api.MODEL_TYPES).toHaveLength(8);
    const e = new api.CzannError('BAD_ONNX', 'x');
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('BAD_ONNX');
    const report: api.ValidationReport = api.validateModel(m);
    expect(report.findings.every((f) => ['error', 'warning'].includes(f.severity) && f.code && f.field)).toBe(true);
  });
});
