import { CzannError } from './errors';
import { ProtoReader } from './protobuf-reader';

export interface TensorInfo {
  name: string;
  /** ONNX element type name, e.g. 'float', 'uint8'; 'unknown' when the graph does not say. */
  elemType: string;
  elemTypeCode: number;
  /** Fixed dims as numbers, symbolic dims as their names, unknown dims as '?'. */
  shape: (number | string)[];
}

export interface OnnxSummary {
  irVersion: number;
  /** Version of the default (ai.onnx) operator set; undefined when none is imported. */
  opset?: number;
  opsetImports: { domain: string; version: number }[];
  producerName: string;
  producerVersion: string;
  graphName: string;
  nodeCount: number;
  inputs: TensorInfo[];
  outputs: TensorInfo[];
  initializerCount: number;
  /** Elements in floating-point initializers (the trainable weights; int64 shape constants excluded). */
  parameterCount: number;
}

export const ONNX_ELEM_TYPES = [
  'undefined', 'float', 'uint8', 'int8', 'uint16', 'int16', 'int32', 'int64', 'string', 'bool', 'float16',
  'double', 'uint32', 'uint64', 'complex64', 'complex128', 'bfloat16',
] as const;
const FLOAT_TYPES = new Set([1, 10, 11, 16]);

function elemTypeName(code: number): string {
  return ONNX_ELEM_TYPES[code] ?? `type${code}`;
}

function readDim(r: ProtoReader): number | string {
  let dim: number | string = '?';
  while (!r.done) {
    const [f, w] = r.key();
    if (f === 1 && w === 0) dim = r.varint();
    else if (f === 2 && w === 2) dim = r.string() || '?';
    else r.skip(w);
  }
  return dim;
}

function readValueInfo(r: ProtoReader): TensorInfo {
  const info: TensorInfo = { name: '', elemType: 'unknown', elemTypeCode: 0, shape: [] };
  while (!r.done) {
    const [f, w] = r.key();
    if (f === 1 && w === 2) info.name = r.string();
    else if (f === 2 && w === 2) {
      const type = r.sub();
      while (!type.done) {
        const [tf, tw] = type.key();
        if (tf !== 1 || tw !== 2) { type.skip(tw); continue; } // only tensor_type
        const tensor = type.sub();
        while (!tensor.done) {
          const [ef, ew] = tensor.key();
          if (ef === 1 && ew === 0) {
            info.elemTypeCode = tensor.varint();
            info.elemType = info.elemTypeCode === 0 ? 'unknown' : elemTypeName(info.elemTypeCode);
          } else if (ef === 2 && ew === 2) {
            const shape = tensor.sub();
            while (!shape.done) {
              const [sf, sw] = shape.key();
              if (sf === 1 && sw === 2) info.shape.push(readDim(shape.sub()));
              else shape.skip(sw);
            }
          } else tensor.skip(ew);
        }
      }
    } else r.skip(w);
  }
  return info;
}

/** Name, element count and type of an initializer, without touching its data. */
function readInitializer(r: ProtoReader): { name: string; elements: number; dataType: number } {
  const dims: number[] = [];
  let name = '';
  let dataType = 0;
  while (!r.done) {
    const [f, w] = r.key();
    if (f === 1) r.int64s(w, dims);
    else if (f === 2 && w === 0) dataType = r.varint();
    else if (f === 8 && w === 2) name = r.string();
    else r.skip(w);
  }
  return { name, elements: dims.reduce((a, d) => a * Math.max(0, d), 1), dataType };
}

/**
 * Summarises an ONNX model without running it or decoding its weights: a single pass over the protobuf that
 * never copies tensor data, so memory stays flat even for multi-GB models.
 */
export function inspectOnnx(onnx: Uint8Array): OnnxSummary {
  const s: OnnxSummary = {
    irVersion: 0, opsetImports: [], producerName: '', producerVersion: '', graphName: '', nodeCount: 0,
    inputs: [], outputs: [], initializerCount: 0, parameterCount: 0,
  };
  const r = new ProtoReader(onnx);
  let sawGraph = false;
  const graphInputs: TensorInfo[] = [];
  const initNames = new Set<string>();
  while (!r.done) {
    const [f, w] = r.key();
    if (f === 1 && w === 0) s.irVersion = r.varint();
    else if (f === 2 && w === 2) s.producerName = r.string();
    else if (f === 3 && w === 2) s.producerVersion = r.string();
    else if (f === 8 && w === 2) {
      const op = r.sub();
      const imp = { domain: '', version: 0 };
      while (!op.done) {
        const [of, ow] = op.key();
        if (of === 1 && ow === 2) imp.domain = op.string();
        else if (of === 2 && ow === 0) imp.version = op.varint();
        else op.skip(ow);
      }
      s.opsetImports.push(imp);
    } else if (f === 7 && w === 2) {
      sawGraph = true;
      const g = r.sub();
      while (!g.done) {
        const [gf, gw] = g.key();
        if (gf === 1 && gw === 2) { s.nodeCount++; g.skip(gw); }
        else if (gf === 2 && gw === 2) s.graphName = g.string();
        else if (gf === 5 && gw === 2) {
          const init = readInitializer(g.sub());
          s.initializerCount++;
          initNames.add(init.name);
          if (FLOAT_TYPES.has(init.dataType)) s.parameterCount += init.elements;
        } else if (gf === 11 && gw === 2) graphInputs.push(readValueInfo(g.sub()));
        else if (gf === 12 && gw === 2) s.outputs.push(readValueInfo(g.sub()));
        else g.skip(gw);
      }
    } else r.skip(w);
  }
  if (!sawGraph) throw new CzannError('BAD_ONNX', 'ONNX model has no graph');
  // Before IR 4, initializers were also listed as graph inputs: those are weights, not inputs.
  s.inputs = graphInputs.filter((i) => !initNames.has(i.name));
  s.opset = s.opsetImports.find((o) => o.domain === '' || o.domain === 'ai.onnx')?.version;
  if (s.inputs.length === 0 || s.outputs.length === 0) throw new CzannError('BAD_ONNX', 'ONNX graph has no inputs or no outputs');
  return s;
}
