import onnxProto from 'onnx-proto';
import type { onnx as O } from 'onnx-proto';

const onnx = onnxProto.onnx;

/** Minimal ONNX graph writer for tests and benchmarks: NHWC float32 models built in code (opset 12). */
export interface GraphSpec {
  inputShape: (number | string)[];
  outputShape: (number | string)[];
  nodes: O.INodeProto[];
  initializers: O.ITensorProto[];
  inputName?: string;
  outputName?: string;
}

function valueInfo(name: string, shape: (number | string)[]): O.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: onnx.TensorProto.DataType.FLOAT,
        shape: { dim: shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

export function encodeModel(spec: GraphSpec): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: 7,
    producerName: 'tessera-test',
    opsetImport: [{ domain: '', version: 12 }],
    graph: {
      name: 'g',
      node: spec.nodes,
      initializer: spec.initializers,
      input: [valueInfo(spec.inputName ?? 'input', spec.inputShape)],
      output: [valueInfo(spec.outputName ?? 'output', spec.outputShape)],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

export function floatTensor(name: string, dims: number[], values: ArrayLike<number>): O.ITensorProto {
  return { name, dims, dataType: onnx.TensorProto.DataType.FLOAT, floatData: Array.from(values) };
}

export function intTensor(name: string, values: number[]): O.ITensorProto {
  return { name, dims: [values.length], dataType: onnx.TensorProto.DataType.INT64, int64Data: values };
}

export function node(opType: string, input: string[], output: string[], attrs: Record<string, number | number[]> = {}): O.INodeProto {
  const attribute = Object.entries(attrs).map(([name, v]) => (Array.isArray(v)
    ? { name, type: onnx.AttributeProto.AttributeType.INTS, ints: v }
    : { name, type: onnx.AttributeProto.AttributeType.INT, i: v }));
  return { opType, input, output, attribute, name: output[0] };
}

/** Deterministic pseudo-random numbers in [-1, 1). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  };
}

export interface ConvLayer { out: number; kernel: number; relu?: boolean }

/**
 * A fully convolutional NHWC model: Transpose -> (Conv [+Relu])* -> [Softmax over channels] -> Transpose.
 * Batch dim symbolic ('N'); H and W symbolic too unless `tile` is given.
 */
export function convNetModel(opts: { inChannels: number; layers: ConvLayer[]; softmax?: boolean; seed?: number; tile?: [number, number] }): Uint8Array {
  const rand = seededRandom(opts.seed ?? 1);
  const nodes: O.INodeProto[] = [node('Transpose', ['input'], ['x0'], { perm: [0, 3, 1, 2] })];
  const inits: O.ITensorProto[] = [];
  let cur = 'x0';
  let c = opts.inChannels;
  opts.layers.forEach((l, i) => {
    const fan = c * l.kernel * l.kernel;
    const w = Array.from({ length: l.out * fan }, () => rand() * Math.sqrt(3 / fan));
    const b = Array.from({ length: l.out }, () => rand() * 0.1);
    inits.push(floatTensor(`w${i}`, [l.out, c, l.kernel, l.kernel], w), floatTensor(`b${i}`, [l.out], b));
    const p = (l.kernel - 1) / 2;
    nodes.push(node('Conv', [cur, `w${i}`, `b${i}`], [`c${i}`], { kernel_shape: [l.kernel, l.kernel], pads: [p, p, p, p] }));
    cur = `c${i}`;
    if (l.relu) { nodes.push(node('Relu', [cur], [`r${i}`])); cur = `r${i}`; }
    c = l.out;
  });
  // opset < 13 Softmax flattens from `axis` on, so it must run on NHWC with axis 3 (per-pixel over classes).
  nodes.push(node('Transpose', [cur], [opts.softmax ? 'nhwc' : 'output'], { perm: [0, 2, 3, 1] }));
  if (opts.softmax) nodes.push(node('Softmax', ['nhwc'], ['output'], { axis: 3 }));
  const [h, w] = opts.tile ?? ['H', 'W'];
  return encodeModel({ inputShape: ['N', h, w, opts.inChannels], outputShape: ['N', h, w, c], nodes, initializers: inits });
}

/** A fully convolutional 3D model, NDHWC: Transpose -> (Conv3d k^3 [+Relu])* -> Transpose; all dims but C symbolic. */
export function conv3dModel(opts: { inChannels: number; layers: ConvLayer[]; seed?: number }): Uint8Array {
  const rand = seededRandom(opts.seed ?? 1);
  const nodes: O.INodeProto[] = [node('Transpose', ['input'], ['x0'], { perm: [0, 4, 1, 2, 3] })];
  const inits: O.ITensorProto[] = [];
  let cur = 'x0';
  let c = opts.inChannels;
  opts.layers.forEach((l, i) => {
    const k = l.kernel;
    const fan = c * k * k * k;
    inits.push(floatTensor(`w${i}`, [l.out, c, k, k, k], Array.from({ length: l.out * fan }, () => rand() * Math.sqrt(3 / fan))));
    inits.push(floatTensor(`b${i}`, [l.out], Array.from({ length: l.out }, () => rand() * 0.1)));
    const p = (k - 1) / 2;
    nodes.push(node('Conv', [cur, `w${i}`, `b${i}`], [`c${i}`], { kernel_shape: [k, k, k], pads: [p, p, p, p, p, p] }));
    cur = `c${i}`;
    if (l.relu) { nodes.push(node('Relu', [cur], [`r${i}`])); cur = `r${i}`; }
    c = l.out;
  });
  nodes.push(node('Transpose', [cur], ['output'], { perm: [0, 2, 3, 4, 1] }));
  return encodeModel({ inputShape: ['N', 'D', 'H', 'W', opts.inChannels], outputShape: ['N', 'D', 'H', 'W', c], nodes, initializers: inits });
}
