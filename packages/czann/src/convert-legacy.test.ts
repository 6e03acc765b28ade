import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { convertLegacy } from './convert-legacy';
import { readModel } from './read-model';
import { samplePath } from '../test/samples';

async function run(onnx: Uint8Array, x: Float32Array, shape: number[]): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(onnx);
  const out = await session.run({ [session.inputNames[0]!]: new ort.Tensor('float32', x, shape) });
  return out[session.outputNames[0]!]!.data as Float32Array;
}

describe('convertLegacy', () => {
  it('bakes the Gray16 scaling in: converted model on x/65535 == legacy model on raw x (onnxruntime)', async () => {
    const legacy = await readModel(samplePath('i2k_simple_nuclei_segmodel_legacy.czseg'));
    const converted = convertLegacy(legacy, { date: new Date(2024, 0, 1) });
    expect(converted.inputScale).toBe(65535);
    const back = await readModel(converted.bytes);
    expect(back.metadata).toEqual({
      id: legacy.metadata.id, type: 'SingleClassSemanticSegmentation', inputShape: [1024, 1024, 1], outputShape: [1024, 1024, 2],
      minOverlap: [16, 16], classes: ['Background', 'Nucleus'], modelName: 'Simple_Nuclei_SegmentationModel_Legacy', extra: {},
    });
    const shape = [1, 1024, 1024, 1];
    const raw = new Float32Array(1024 * 1024).map((_, i) => (i * 7919) % 65536);
    const scaled = raw.map((v) => v / 65535);
    const want = await run(legacy.onnx, raw, shape);
    const got = await run(back.onnx, scaled, shape);
    let maxDiff = 0;
    for (let i = 0; i < want.length; i++) maxDiff = Math.max(maxDiff, Math.abs(want[i]! - got[i]!));
    expect(maxDiff).toBeLessThan(1e-4);
    // Without the baked scaling the legacy net on [0,1] inputs gives different scores: the test can fail.
    const unscaled = await run(legacy.onnx, scaled, shape);
    expect(Math.abs(unscaled[0]! - want[0]!) + Math.abs(unscaled[1]! - want[1]!)).toBeGreaterThan(1e-3);
  });
});
