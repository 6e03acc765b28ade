import onnxProto from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import { inspectOnnx } from './onnx-inspect';
import { readModel } from './read-model';
import { CzannError } from './errors';
import { SAMPLE_FILES, samplePath } from '../test/samples';

const { onnx } = onnxProto;

describe('inspectOnnx', () => {
  it('agrees with a full onnx-proto decode on every real model', async () => {
    for (const f of SAMPLE_FILES) {
      const m = await readModel(samplePath(f));
      const s = inspectOnnx(m.onnx);
      const ref = onnx.ModelProto.decode(m.onnx);
      const g = ref.graph!;
      const dims = (v: onnxProto.onnx.IValueInfoProto) =>
        v.type!.tensorType!.shape!.dim!.map((d: onnxProto.onnx.TensorShapeProto.IDimension) => (d.dimParam ? d.dimParam : Number(d.dimValue)));
      expect(s.opset, f).toBe(Number(ref.opsetImport![0]!.version));
      expect(s.irVersion).toBe(Number(ref.irVersion));
      expect(s.inputs.map((i) => [i.name, i.elemTypeCode, i.shape])).toEqual(g.input!.map((i) => [i.name, i.type!.tensorType!.elemType, dims(i)]));
      expect(s.outputs.map((i) => [i.name, i.elemTypeCode, i.shape])).toEqual(g.output!.map((i) => [i.name, i.type!.tensorType!.elemType, dims(i)]));
      expect(s.initializerCount).toBe(g.initializer!.length);
      expect(s.nodeCount).toBe(g.node!.length);
      const params = g.initializer!.filter((t) => t.dataType === 1).reduce((a, t) => a + t.dims!.reduce((p: number, d) => p * Number(d), 1), 0);
      expect(s.parameterCount).toBe(params);
    }
  });

  it('reads the known figures of the N2V model', async () => {
    const s = inspectOnnx((await readModel(samplePath('napari_N2V_tobacco_leaf.czann'))).onnx);
    expect(s).toMatchObject({
      opset: 11, producerName: 'tf2onnx', initializerCount: 27, parameterCount: 185031,
      inputs: [{ name: 'input', elemType: 'float', shape: [1, 'unk__375', 'unk__376', 1] }],
      outputs: [{ name: 'model', elemType: 'float', shape: [1, 'unk__377', 'unk__378', 1] }],
    });
  });

  it('decodes negative int64 dims and rejects garbage with BAD_ONNX', () => {
    const m = onnx.ModelProto.encode({
      irVersion: 7, opsetImport: [{ domain: '', version: 12 }],
      graph: {
        name: 'g', input: [{ name: 'x', type: { tensorType: { elemType: 1, shape: { dim: [{ dimValue: -1 }, { dimValue: 3 }] } } } }],
        output: [{ name: 'y', type: { tensorType: { elemType: 7, shape: { dim: [{ dimParam: 'n' }] } } } }],
        initializer: [{ name: 'w', dataType: 1, dims: [2, 3], rawData: new Uint8Array(24) }],
      },
    }).finish();
    const s = inspectOnnx(m);
    expect(s.inputs[0]!.shape).toEqual([-1, 3]);
    expect(s.outputs[0]).toMatchObject({ elemType: 'int64', shape: ['n'] });
    expect(s.parameterCount).toBe(6);
    expect(() => inspectOnnx(m.subarray(0, m.length - 5))).toThrow(CzannError);
    expect(() => inspectOnnx(new Uint8Array([0x0f, 0x01]))).toThrow(/wire type|ONNX/);
  });
});
