import onnxProto from 'onnx-proto';
import { CzannError } from './errors';
import { writeCzann, type ModelInput, type WriteOptions } from './write-model';
import type { CzModel, ModelMetadata } from './types';

const { onnx } = onnxProto;

/** Largest integer value of each legacy pixel type (float types are fed as they are). */
export const PIXEL_TYPE_MAX: Record<string, number> = {
  Gray8: 255, Bgr24: 255, Bgra32: 255, Gray16: 65535, Bgr48: 65535,
  Gray32Float: 1, Bgr96Float: 1, Gray64ComplexFloat: 1, Bgr192ComplexFloat: 1,
};

export interface ConvertResult extends ModelInput {
  /** The .czann bytes in the reference layout. */
  bytes: Uint8Array;
  /** Factor baked in front of the network (1 when the model already took [0, 1] inputs). */
  inputScale: number;
}

/** Factor that turns the [0, 1] inputs a .czann consumer feeds into what the legacy network was trained on. */
export function legacyInputScale(md: ModelMetadata): number {
  if (md.scaleInputsByBitdepth) return 1;
  const maxima = (md.pixelTypes ?? []).map((p) => PIXEL_TYPE_MAX[p]);
  if (maxima.length === 0 || maxima.some((m) => m === undefined)) {
    throw new CzannError('BAD_METADATA', `cannot tell the input range from pixel types ${JSON.stringify(md.pixelTypes)}`);
  }
  if (new Set(maxima).size > 1) throw new CzannError('BAD_METADATA', `channels mix pixel ranges ${JSON.stringify(md.pixelTypes)}`);
  return maxima[0]!;
}

/** Prepends `input * scale` to the graph, keeping the input's name, type and shape. */
export function scaleOnnxInput(bytes: Uint8Array, scale: number): Uint8Array {
  let model: InstanceType<typeof onnx.ModelProto>;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (e) {
    throw new CzannError('BAD_ONNX', `cannot decode the ONNX model: ${(e as Error).message}`, { cause: e });
  }
  const graph = model.graph;
  if (!graph) throw new CzannError('BAD_ONNX', 'ONNX model has no graph');
  const inits = new Set((graph.initializer ?? []).map((t) => t.name));
  const input = (graph.input ?? []).find((i) => !inits.has(i.name));
  if (!input?.name) throw new CzannError('BAD_ONNX', 'ONNX graph has no input to scale');
  const name = input.name;
  if ((graph.output ?? []).some((o) => o.name === name)) {
    throw new CzannError('BAD_ONNX', 'graph input is also an output; cannot insert scaling');
  }
  const scaled = `${name}__czann_scaled`;
  const factor = `${name}__czann_scale`;
  const nodes = graph.node ?? [];
  for (const node of nodes) node.input = (node.input ?? []).map((n) => (n === name ? scaled : n));
  graph.initializer = [
    ...(graph.initializer ?? []),
    onnx.TensorProto.create({ name: factor, dataType: onnx.TensorProto.DataType.FLOAT, dims: [], floatData: [scale] }),
  ];
  graph.node = [onnx.NodeProto.create({ opType: 'Mul', input: [name, factor], output: [scaled], name: 'czann_input_scale' }), ...nodes];
  return onnx.ModelProto.encode(model).finish();
}

/**
 * Converts a legacy .czmodel/.czseg (as read) into a .czann. Legacy networks take raw pixel values unless
 * ScaleInputsByBitdepth is true, while .czann consumers feed [0, 1]: the conversion bakes a `Mul` by the pixel
 * type's maximum in front of the graph so the converted file gives the same outputs.
 */
export function convertLegacy(model: CzModel, options: WriteOptions & { id?: string } = {}): ConvertResult {
  if (model.format === 'czann') throw new CzannError('INVALID_ARGUMENT', 'model is already a .czann');
  const md = model.metadata;
  const inputScale = legacyInputScale(md);
  const metadata: ModelMetadata = {
    id: options.id ?? md.id,
    type: md.type,
    inputShape: md.inputShape,
    outputShape: md.outputShape,
    extra: {},
  };
  if (md.minOverlap) metadata.minOverlap = md.minOverlap;
  if (md.classes) metadata.classes = md.classes;
  if (md.modelName !== undefined) metadata.modelName = md.modelName;
  const onnxBytes = inputScale === 1 ? model.onnx : scaleOnnxInput(model.onnx, inputScale);
  const out: ModelInput = { metadata, onnx: onnxBytes };
  if (model.license !== undefined) out.license = model.license;
  return { ...out, bytes: writeCzann(out, options), inputScale };
}
