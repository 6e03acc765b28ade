import { inspectOnnx, type OnnxSummary } from './onnx-inspect';
import { isCzannError } from './errors';
import type { CzModel, ModelMetadata } from './types';

export interface Finding {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  /** The metadata key (model.json spelling) or ONNX part the finding concerns. */
  field: string;
}
export interface ValidationReport {
  valid: boolean;
  findings: Finding[];
  onnx?: OnnxSummary;
}

const SEGMENTATION = new Set(['SingleClassSemanticSegmentation', 'MultiClassSemanticSegmentation', 'SingleClassInstanceSegmentation', 'MultiClassInstanceSegmentation']);
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const fmt = (s: readonly unknown[]) => `(${s.join(', ')})`;

/** Model dims (batch dropped) versus metadata dims; symbolic model dims match anything. */
function shapeConsistent(model: (number | string)[], meta: number[]): boolean {
  const dims = model.slice(1);
  return dims.length === meta.length && dims.every((d, k) => typeof d !== 'number' || d <= 0 || d === meta[k]);
}

function checkMetadata(md: ModelMetadata, add: (f: Finding) => void): void {
  const err = (code: string, field: string, message: string) => add({ severity: 'error', code, field, message });
  const warn = (code: string, field: string, message: string) => add({ severity: 'warning', code, field, message });
  for (const [field, shape] of [['InputShape', md.inputShape], ['OutputShape', md.outputShape]] as const) {
    if (shape.length !== 3 && shape.length !== 4) err('SHAPE_RANK', field, `${field} ${JSON.stringify(shape)} must be [h, w, c] or [z, h, w, c] (no batch dim)`);
    else if (shape.some((d) => d <= 0)) err('SHAPE_NOT_POSITIVE', field, `${field} ${JSON.stringify(shape)} must hold positive sizes`);
  }
  if (md.id === undefined) warn('ID_MISSING', 'Id', 'Id is missing; write a UUID v4 so consumers can tell models apart');
  else if (!UUID_V4.test(md.id)) warn('ID_NOT_UUID', 'Id', `Id ${JSON.stringify(md.id)} is not a UUID v4`);
  const spatial = Math.max(0, md.inputShape.length - 1);
  if (md.minOverlap === undefined) {
    err('MIN_OVERLAP_MISSING', 'MinOverlap', 'MinOverlap is missing: napari crashes without it; add the total tile overlap per spatial dim, e.g. [16, 16]');
  } else {
    const ov = md.minOverlap;
    if (ov.some((v) => v < 0 || v % 2 !== 0)) err('MIN_OVERLAP_ODD', 'MinOverlap', `MinOverlap ${JSON.stringify(ov)} must be even and >= 0 (border per side = MinOverlap / 2)`);
    if (ov.length !== 2 && ov.length !== spatial) err('MIN_OVERLAP_RANK', 'MinOverlap', `MinOverlap ${JSON.stringify(ov)} needs one value per spatial dim of InputShape`);
    const tile = md.inputShape.slice(-3, -1);
    ov.slice(-2).forEach((v, k) => {
      if (tile[k] !== undefined && v >= tile[k]!) err('MIN_OVERLAP_TOO_LARGE', 'MinOverlap', `MinOverlap ${v} leaves no tile interior (tile ${tile[k]})`);
    });
  }
  const channelsOut = md.outputShape.at(-1);
  if (SEGMENTATION.has(md.type)) {
    if (md.classes === undefined) err('CLASSES_MISSING', 'Classes', `${md.type} needs Classes (one name per output channel); napari crashes without it`);
    else if (md.classes.length !== channelsOut) {
      err('CLASSES_COUNT', 'Classes', `Classes has ${md.classes.length} names but OutputShape has ${channelsOut} channels; give one name per channel`);
    }
  } else if (md.classes !== undefined && md.classes.length < 2 && md.type !== 'Regression') {
    warn('CLASSES_TOO_FEW', 'Classes', 'Classes should list at least two names');
  }
  if (md.classes?.length === 1) warn('CLASSES_TOO_FEW', 'Classes', 'Classes should list at least two names (include background)');
  if (md.type === 'Regression' && channelsOut !== 1) warn('NAPARI_REGRESSION_CHANNELS', 'OutputShape', 'napari runs only single-channel Regression models');
  if (md.type !== 'Regression' && md.type !== 'SingleClassSemanticSegmentation') {
    warn('NAPARI_UNSUPPORTED_TYPE', 'Type', `napari runs only SingleClassSemanticSegmentation and Regression, not ${md.type}`);
  }
  if (md.modelName === undefined) warn('MODEL_NAME_MISSING', 'ModelName', 'ModelName is missing; add a display name');
  if (md.scaling === undefined) warn('SCALING_MISSING', 'Scaling', 'Scaling is missing; add the pixel extent [x, y] in metres (schema 1.1.0)');
  else if (md.scaling.some((v) => !(v > 0))) err('SCALING_NOT_POSITIVE', 'Scaling', `Scaling ${JSON.stringify(md.scaling)} must be positive pixel sizes in metres`);
  if (md.pixelTypes !== undefined && md.scaleInputsByBitdepth !== true) {
    warn('LEGACY_RAW_INPUTS', 'ScaleInputsByBitdepth', 'legacy model takes raw pixel values; convert it (czann convert) to bake in the [0, 1] scaling .czann consumers assume');
  }
}

function checkOnnx(md: ModelMetadata, s: OnnxSummary, add: (f: Finding) => void): void {
  const err = (code: string, field: string, message: string) => add({ severity: 'error', code, field, message });
  const input = s.inputs[0]!;
  const output = s.outputs[0]!;
  // The reference producer's two checks, with its messages.
  if (!shapeConsistent(input.shape, md.inputShape)) {
    err('INPUT_SHAPE_MISMATCH', 'InputShape', `The input shape of the provided model ${fmt(input.shape.slice(1))} is not consistent with the input shape provided in the metadata ${fmt(md.inputShape)}; make InputShape match the model (or re-export the model)`);
  }
  if (!shapeConsistent(output.shape, md.outputShape)) {
    err('OUTPUT_SHAPE_MISMATCH', 'OutputShape', `The output shape of the provided model ${fmt(output.shape.slice(1))} is not consistent with the output shape provided in the metadata ${fmt(md.outputShape)}; make OutputShape match the model (or re-export the model)`);
  }
  for (const [t, what] of [[input, 'input'], [output, 'output']] as const) {
    if (t.elemType !== 'float') err('ONNX_NOT_FLOAT32', `onnx.${what}`, `model ${what} ${JSON.stringify(t.name)} is ${t.elemType}; consumers feed and read float32 tensors`);
    if (t.shape.length !== 4 && t.shape.length !== 5) err('ONNX_RANK', `onnx.${what}`, `model ${what} ${JSON.stringify(t.name)} has rank ${t.shape.length}; expected [N,H,W,C] or [N,Z,H,W,C]`);
    const batch = t.shape[0];
    if (typeof batch === 'number' && batch > 1) err('ONNX_BATCH_FIXED', `onnx.${what}`, `model ${what} has a fixed batch of ${batch}; make it 1 or symbolic`);
  }
  if (s.opset !== 12) {
    add({ severity: 'warning', code: 'OPSET_NOT_12', field: 'onnx.opset', message: `model uses opset ${s.opset ?? 'none'}; the CZANN specification asks for opset 12` });
  }
}

/** Checks a read model against the reference producer's rules, consumer needs and advisories. */
export function validateModel(model: CzModel): ValidationReport {
  const findings: Finding[] = [];
  const add = (f: Finding) => findings.push(f);
  checkMetadata(model.metadata, add);
  let onnx: OnnxSummary | undefined;
  try {
    onnx = inspectOnnx(model.onnx);
    checkOnnx(model.metadata, onnx, add);
  } catch (e) {
    if (!isCzannError(e)) throw e;
    add({ severity: 'error', code: 'ONNX_UNREADABLE', field: 'onnx', message: e.message });
  }
  const report: ValidationReport = { valid: !findings.some((f) => f.severity === 'error'), findings };
  if (onnx) report.onnx = onnx;
  return report;
}
