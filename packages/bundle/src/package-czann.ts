import { createHash } from 'node:crypto';
import {
  convertLegacy, inspectOnnx, readModel, validateModel, writeCzann,
  type CzModel, type Finding, type ModelMetadata,
} from '@tessera/czann';

export class PackagingError extends Error {
  constructor(readonly code: 'CZANN_INVALID' | 'MODEL_UNSUPPORTED', message: string, readonly findings: Finding[] = []) {
    super(message);
  }
}

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export interface CzannPackage {
  czann: Uint8Array;
  onnx: Uint8Array;
  czannSha256: string;
  onnxSha256: string;
  /** czann validate findings of the written file (none of severity error). */
  findings: Finding[];
  /** What was changed from the source so that ZEN/napari accept the file. */
  repairs: string[];
  metadata: ModelMetadata;
}

/** Graph dims where the graph fixes them (batch dropped), else the metadata's. */
function shapeFromGraph(graph: (number | string)[] | undefined, meta: number[]): number[] {
  if (!graph || graph.length - 1 !== meta.length) return meta;
  return graph.slice(1).map((d, i) => (typeof d === 'number' && d > 0 ? d : meta[i]!));
}

/**
 * A .czann that passes `czann validate` with no error and meets napari-czann-segment's needs (`MinOverlap`,
 * `Classes`): legacy files are converted (input scaling baked in), shapes that disagree with the graph are taken
 * from the graph, missing keys get defaults. `postprocessing` is stored under TesseraPostprocessing.
 */
export async function packageCzann(source: CzModel, opts: { modelName?: string; postprocessing?: unknown } = {}): Promise<CzannPackage> {
  const repairs: string[] = [];
  let model: CzModel = source;
  if (source.format !== 'czann') {
    const converted = convertLegacy(source);
    model = await readModel(converted.bytes);
    repairs.push(`converted legacy .${source.format} to .czann (input scale ${converted.inputScale} baked into the graph)`);
  }
  const md: ModelMetadata = { ...model.metadata, extra: { ...model.metadata.extra } };
  const onnx = inspectOnnx(model.onnx);
  const inShape = shapeFromGraph(onnx.inputs[0]?.shape, md.inputShape);
  const outShape = shapeFromGraph(onnx.outputs[0]?.shape, md.outputShape);
  if (inShape.join() !== md.inputShape.join()) repairs.push(`InputShape ${JSON.stringify(md.inputShape)} → ${JSON.stringify(inShape)} (from the ONNX graph)`);
  if (outShape.join() !== md.outputShape.join()) repairs.push(`OutputShape ${JSON.stringify(md.outputShape)} → ${JSON.stringify(outShape)} (from the ONNX graph)`);
  md.inputShape = inShape;
  md.outputShape = outShape;
  const spatial = inShape.length - 1;
  if (!md.minOverlap || md.minOverlap.length !== spatial) {
    md.minOverlap = Array.from({ length: spatial }, () => 0);
    repairs.push('MinOverlap added (0: no tile overlap was recorded)');
  }
  const nOut = outShape[outShape.length - 1] ?? 1;
  if (!md.classes || md.classes.length !== nOut) {
    const classes = Array.from({ length: Math.max(nOut, md.type === 'Regression' ? 1 : 2) }, (_, i) => md.classes?.[i] ?? `Class ${i + 1}`);
    repairs.push(`Classes ${JSON.stringify(md.classes ?? null)} → ${JSON.stringify(classes)}`);
    md.classes = classes;
  }
  if (opts.modelName) md.modelName = opts.modelName;
  if (opts.postprocessing !== undefined) md.extra = { ...md.extra, TesseraPostprocessing: opts.postprocessing };
  const czann = writeCzann({ metadata: md, onnx: model.onnx, license: model.license });
  const report = validateModel(await readModel(czann));
  const errors = report.findings.filter((f) => f.severity === 'error');
  if (errors.length) throw new PackagingError('CZANN_INVALID', `The written .czann does not validate: ${errors.map((e) => e.message).join('; ')}`, report.findings);
  return { czann, onnx: model.onnx, czannSha256: sha256(czann), onnxSha256: sha256(model.onnx), findings: report.findings, repairs, metadata: md };
}
