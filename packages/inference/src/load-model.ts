import { readModel } from '@tessera/czann';
import * as ort from 'onnxruntime-node';
import { InferenceError } from './errors';
import { isSegmentation, type CzModelLike, type ModelMetadataLike, type ModelType } from './model-metadata';
import { POSTPROCESSING_KEY, parsePostprocessing, type InstancePostprocessing } from './postprocessing-schema';

export interface LoadModelOptions {
  /** intra-op threads for onnxruntime (default: its own choice, all cores). */
  threads?: number;
  /** Model type for a bare ONNX file (default: Regression if it has 1 output channel, else semantic segmentation). */
  type?: ModelType;
  /** Class names for a bare ONNX file. */
  classes?: string[];
  /**
   * onnxruntime's CPU memory arena and memory pattern. Defaults (arena off, pattern on) gave the lowest peak RSS in
   * bench/inference-bench.ts (2048^2, UNet, batch 2: 39 MiB above baseline vs 88 with both on, 255 with both off).
   */
  cpuMemArena?: boolean;
  memPattern?: boolean;
  /** Let onnxruntime's worker threads spin between runs (default false: they sleep, kinder to shared CPUs). */
  spinning?: boolean;
}

/** A model ready to run: one onnxruntime session, reused for every tile and every call. */
export interface LoadedModel {
  format: 'czann' | 'czmodel' | 'czseg' | 'onnx';
  type: ModelType;
  metadata?: ModelMetadataLike;
  session: ort.InferenceSession;
  inputName: string;
  outputName: string;
  /** Spatial tile size from InputShape (or the ONNX graph); undefined where the graph leaves it free. */
  tileHeight?: number;
  tileWidth?: number;
  /** Z tile size for 3D models. */
  tileDepth?: number;
  inChannels: number;
  outChannels: number;
  /** Border per side from MinOverlap/2 (y, x; z for 3D models). */
  border: { y: number; x: number; z?: number };
  /** True for [N,Z,H,W,C] models: stacks are tiled in 3D instead of plane by plane. */
  is3D: boolean;
  /** Spatial dims the ONNX graph fixes ([z,] h, w; undefined where symbolic): tiles must match them. */
  graphSpatial: (number | undefined)[];
  /** True when the ONNX batch dim is symbolic, so several tiles can run in one call. */
  batchSymbolic: boolean;
  classes: string[];
  /** Divide integer inputs by their dtype maximum. */
  scaleInputs: boolean;
  colorHandling?: 'ConvertToMonochrome' | 'SplitRgb';
  postprocessing?: InstancePostprocessing;
  dispose(): Promise<void>;
}

async function readCzann(source: string | Uint8Array): Promise<CzModelLike> {
  try {
    return await readModel(source);
  } catch (e) {
    throw new InferenceError('MODEL_INVALID', `Cannot read the model file: ${(e as Error).message}`, { cause: e });
  }
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

function dimOf(d: number | string | undefined): number | undefined {
  return typeof d === 'number' && d > 0 ? d : undefined;
}

/** Opens a .czann / .czmodel / .czseg (path, bytes or an already-read CzModel) or a bare ONNX file. */
export async function loadModel(source: string | Uint8Array | CzModelLike, options: LoadModelOptions = {}): Promise<LoadedModel> {
  let cz: CzModelLike | undefined;
  let onnxBytes: Uint8Array | undefined;
  let onnxPath: string | undefined;
  if (typeof source === 'string') {
    if (source.toLowerCase().endsWith('.onnx')) onnxPath = source;
    else cz = await readCzann(source);
  } else if (source instanceof Uint8Array) {
    if (isZip(source)) cz = await readCzann(source);
    else onnxBytes = source;
  } else {
    cz = source;
  }
  if (cz) onnxBytes = cz.onnx;
  const sessionOptions: ort.InferenceSession.SessionOptions = {
    graphOptimizationLevel: 'all',
    enableCpuMemArena: options.cpuMemArena ?? false,
    enableMemPattern: options.memPattern ?? true,
    extra: { session: { intra_op: { allow_spinning: options.spinning ? '1' : '0' }, inter_op: { allow_spinning: options.spinning ? '1' : '0' } } },
    ...(options.threads ? { intraOpNumThreads: options.threads, interOpNumThreads: 1 } : {}),
  };
  let session: ort.InferenceSession;
  try {
    session = onnxPath
      ? await ort.InferenceSession.create(onnxPath, sessionOptions)
      : await ort.InferenceSession.create(onnxBytes as Uint8Array, sessionOptions);
  } catch (e) {
    throw new InferenceError('MODEL_INVALID', `onnxruntime cannot open the model: ${(e as Error).message}`, { cause: e });
  }
  return describeModel(session, cz, options);
}

function describeModel(session: ort.InferenceSession, cz: CzModelLike | undefined, options: LoadModelOptions): LoadedModel {
  const inMeta = session.inputMetadata[0];
  const outMeta = session.outputMetadata[0];
  if (!inMeta || !outMeta) throw new InferenceError('MODEL_INVALID', 'The ONNX graph has no input or no output.');
  const inShape = inMeta.isTensor ? inMeta.shape : [];
  const outShape = outMeta.isTensor ? outMeta.shape : [];
  if (inShape.length !== 4 && inShape.length !== 5) {
    throw new InferenceError('UNSUPPORTED_MODEL', `Model input must be [N,H,W,C] or [N,Z,H,W,C]; it has rank ${inShape.length}.`);
  }
  const is3D = inShape.length === 5;
  const md = cz?.metadata;
  const spatial = md ? md.inputShape.slice(0, -1) : inShape.slice(1, -1).map(dimOf);
  const inChannels = dimOf(inShape[inShape.length - 1]) ?? md?.inputShape[md.inputShape.length - 1];
  const outChannels = dimOf(outShape[outShape.length - 1]) ?? md?.outputShape[md.outputShape.length - 1];
  if (!inChannels || !outChannels) throw new InferenceError('MODEL_INVALID', 'The model does not fix its channel counts.');
  const type = md?.type ?? options.type ?? (outChannels === 1 ? 'Regression' : 'MultiClassSemanticSegmentation');
  if (!isSegmentation(type) && type !== 'Regression') {
    throw new InferenceError('UNSUPPORTED_MODEL', `Model type ${type} is not a segmentation or regression model.`);
  }
  const overlap = md?.minOverlap ?? [];
  const ov = (i: number) => Math.floor((overlap[i] ?? overlap[0] ?? 0) / 2);
  const sp = (i: number) => spatial[i] as number | undefined;
  const classes = md?.classes ?? options.classes ?? Array.from({ length: outChannels }, (_, i) => `Class ${i + 1}`);
  const extra = md?.extra?.[POSTPROCESSING_KEY];
  const legacy = cz && cz.format !== 'czann';
  return {
    format: cz?.format ?? 'onnx',
    type,
    metadata: md,
    session,
    inputName: inMeta.name,
    outputName: outMeta.name,
    tileHeight: is3D ? sp(1) : sp(0),
    tileWidth: is3D ? sp(2) : sp(1),
    tileDepth: is3D ? sp(0) : undefined,
    inChannels,
    outChannels,
    border: is3D ? { z: ov(0), y: ov(1), x: ov(2) } : { y: ov(0), x: ov(1) },
    is3D,
    graphSpatial: inShape.slice(1, -1).map(dimOf),
    batchSymbolic: typeof inShape[0] !== 'number' || inShape[0] < 1,
    classes,
    scaleInputs: legacy ? md?.scaleInputsByBitdepth === true : true,
    colorHandling: md?.colorHandling,
    postprocessing: extra !== undefined ? parsePostprocessing(extra) : undefined,
    dispose: () => session.release(),
  };
}
