import { onnx, type OnnxTypes } from './onnx';
import { GraphBuildError, type AttrValue, type Attrs } from './value';

type Dim = number | string;
type ElemType = 'float' | 'int64';

const ELEM: Record<ElemType, number> = { float: onnx.TensorProto.DataType.FLOAT, int64: onnx.TensorProto.DataType.INT64 };
const ATTR = onnx.AttributeProto.AttributeType;

export interface ModelOptions {
  readonly opset: number;
  readonly irVersion?: number;
  readonly producer?: string;
  readonly docString?: string;
}

function valueInfo(name: string, shape: readonly Dim[] | undefined, elem: ElemType): OnnxTypes.IValueInfoProto {
  const dim = shape?.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name, type: { tensorType: { elemType: ELEM[elem], shape: dim ? { dim } : undefined } } };
}

function attribute(name: string, v: AttrValue): OnnxTypes.IAttributeProto {
  if (typeof v === 'number') return { name, type: ATTR.INT, i: v };
  if (typeof v === 'string') return { name, type: ATTR.STRING, s: new TextEncoder().encode(v) };
  if (Array.isArray(v)) return { name, type: ATTR.INTS, ints: [...(v as number[])] };
  if ('floats' in (v as object)) return { name, type: ATTR.FLOATS, floats: [...(v as { floats: number[] }).floats] };
  return { name, type: ATTR.FLOAT, f: (v as { f: number }).f };
}

function bytesOf(data: Float32Array | BigInt64Array): Uint8Array {
  return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
}

/** Collects nodes, inputs, outputs and initializers and encodes them as an ONNX ModelProto. */
export class GraphBuilder {
  private readonly nodes: OnnxTypes.INodeProto[] = [];
  private readonly inputs: OnnxTypes.IValueInfoProto[] = [];
  private readonly outputs: OnnxTypes.IValueInfoProto[] = [];
  private readonly initializers: OnnxTypes.ITensorProto[] = [];
  private readonly names = new Set<string>();
  private readonly constCache = new Map<string, string>();
  private counter = 0;

  constructor(readonly graphName = 'tessera') {}

  /** A fresh, unused tensor name. */
  fresh(prefix: string): string {
    let name = `${prefix}_${this.counter++}`;
    while (this.names.has(name)) name = `${prefix}_${this.counter++}`;
    this.names.add(name);
    return name;
  }

  private claim(name: string): string {
    if (this.names.has(name)) throw new GraphBuildError(`duplicate tensor name ${name}`);
    this.names.add(name);
    return name;
  }

  input(name: string, shape: readonly Dim[], elem: ElemType = 'float'): string {
    this.inputs.push(valueInfo(this.claim(name), shape, elem));
    return name;
  }

  /** Declares `name` (an existing tensor) a graph output. */
  output(name: string, shape?: readonly Dim[], elem: ElemType = 'float'): void {
    this.outputs.push(valueInfo(name, shape, elem));
  }

  initializer(name: string, data: Float32Array | BigInt64Array, dims: readonly number[]): string {
    return this.pushInitializer(this.claim(name), data, dims);
  }

  private pushInitializer(name: string, data: Float32Array | BigInt64Array, dims: readonly number[]): string {
    const dataType = data instanceof Float32Array ? ELEM.float : ELEM.int64;
    this.initializers.push({ name, dims: [...dims], dataType, rawData: bytesOf(data) });
    return name;
  }

  /** A float constant (deduplicated), stored as an initializer. */
  constF(values: readonly number[], dims: readonly number[] = [values.length]): string {
    const key = `f:${dims.join(',')}:${values.join(',')}`;
    const hit = this.constCache.get(key);
    if (hit) return hit;
    const name = this.pushInitializer(this.fresh('const'), Float32Array.from(values), dims);
    this.constCache.set(key, name);
    return name;
  }

  /** An int64 constant (deduplicated). */
  constI(values: readonly number[], dims: readonly number[] = [values.length]): string {
    const key = `i:${dims.join(',')}:${values.join(',')}`;
    const hit = this.constCache.get(key);
    if (hit) return hit;
    const name = this.pushInitializer(this.fresh('const'), BigInt64Array.from(values.map((v) => BigInt(v))), dims);
    this.constCache.set(key, name);
    return name;
  }

  /** Adds a node; returns its output names (fresh unless given). `''` in inputs is an omitted optional input. */
  node(opType: string, inputs: readonly string[], attrs: Attrs = {}, outputs: number | readonly string[] = 1): string[] {
    const outs = typeof outputs === 'number'
      ? Array.from({ length: outputs }, () => this.fresh(opType.toLowerCase()))
      : outputs.map((o) => this.claim(o));
    const attribute_ = Object.entries(attrs).map(([k, v]) => attribute(k, v));
    this.nodes.push({ opType, input: [...inputs], output: outs, name: this.fresh(`n_${opType}`), attribute: attribute_ });
    return outs;
  }

  /** A single-output node. */
  op(opType: string, inputs: readonly string[], attrs: Attrs = {}, output?: string): string {
    const [out] = this.node(opType, inputs, attrs, output === undefined ? 1 : [output]);
    return out as string;
  }

  get nodeCount(): number {
    return this.nodes.length;
  }

  toModel(opts: ModelOptions): OnnxTypes.ModelProto {
    return onnx.ModelProto.create({
      irVersion: opts.irVersion ?? (opts.opset >= 15 ? 8 : 7),
      producerName: opts.producer ?? 'tessera-ml',
      producerVersion: '0.1.0',
      docString: opts.docString ?? '',
      opsetImport: [{ domain: '', version: opts.opset }],
      graph: {
        name: this.graphName,
        node: this.nodes,
        input: this.inputs,
        output: this.outputs,
        initializer: this.initializers,
      },
    });
  }

  toBytes(opts: ModelOptions): Uint8Array {
    return onnx.ModelProto.encode(this.toModel(opts)).finish();
  }
}
