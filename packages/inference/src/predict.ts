import { extractTile, type Padding } from '@tessera/tiling';
import { planChannels, type ColorOrder } from './channel-plan';
import { InferenceError } from './errors';
import { measureObjects, type ObjectRow } from './instances/object-table';
import { segmentInstances, type InstanceLabels } from './instances/segment-instances';
import type { LoadedModel, LoadModelOptions } from './load-model';
import { getModel } from './model-cache';
import { isInstanceType, isSegmentation, type CzModelLike, type ModelType } from './model-metadata';
import { isRaster, rasterSource, regionSource, type PlaneSource } from './plane-source';
import { planTiles } from './plan-tiles';
import { predictPlane, type RunStats } from './predict-plane';
import { countVolumeTiles, predictVolume } from './predict-volume';
import type { InstancePostprocessingInput } from './postprocessing-schema';
import type { OutputSpec, PlaneOutputs } from './tile-output';
import { DTYPE_MAX, isFloatDType, labelDType, type Raster, type RasterStack, type RegionSource } from './types';

export interface PredictProgress { tilesDone: number; tilesTotal: number }

export interface PredictOptions {
  /**
   * Predict only this part of each plane (2D models). Outputs have the region's size; tiles read the real pixels
   * around it where the image has them (so a viewport preview matches the whole-image result). onBand's y is
   * relative to the region.
   */
  region?: { x: number; y: number; w: number; h: number };
  /** Tile size (default: the model's InputShape; d only for 3D models). */
  tile?: { h: number; w: number; d?: number };
  /** Border per side (default: MinOverlap / 2; z only for 3D models). */
  border?: number | { y: number; x: number; z?: number };
  /** Tiles per session.run (default: auto when the batch dim is symbolic, else 1). */
  batchSize?: number;
  padding?: Padding;
  /** Pixels whose top class score is below this get label 0. */
  minConfidence?: number;
  probabilities?: boolean;
  /** Regression output: float32 model values (default) or cast to the input dtype (value x dtype max). */
  regressionOutput?: 'float32' | 'input';
  /** Channel order of a 3/4-channel image; 'auto' treats it as RGB(A) and feeds BGR(A). */
  color?: ColorOrder | 'auto';
  /** Instance post-processing: true = the model's own parameters (or defaults); false = none. */
  instances?: boolean | InstancePostprocessingInput;
  /** Keep whole-plane outputs (default true); false with onBand for bounded memory. */
  keepOutputs?: boolean;
  onBand?: (plane: number, y: number, outputs: PlaneOutputs) => void | Promise<void>;
  onProgress?: (p: PredictProgress) => void;
  signal?: AbortSignal;
  /** Used when `model` is a path / bytes. */
  load?: LoadModelOptions;
}

export interface PlanePrediction extends PlaneOutputs {
  /** Input plane index (t * sizeZ + z) and, for a 1-channel model on a multi-channel image, the channel. */
  plane: number;
  channel?: number;
  instances?: InstanceLabels & { labelImage: Raster; objects: ObjectRow[] };
}

export interface Prediction {
  type: ModelType;
  classes: string[];
  planes: PlanePrediction[];
  stats: RunStats & { totalMs: number };
}

/** Tiles per run when the batch dim is symbolic: up to 2^17 pixels per batch (2 tiles of 256^2), at most 8. */
function autoBatch(model: LoadedModel, th: number, tw: number): number {
  if (!model.batchSymbolic) return 1;
  return Math.max(1, Math.min(8, Math.floor(2 ** 17 / (th * tw))));
}

/**
 * Runs a .czann / legacy / ONNX model on a raster, a Z/T stack, or a region source (bounded memory), tiled exactly
 * like ZEN. No file IO: images come in as typed arrays.
 */
export async function predict(
  modelSource: LoadedModel | string | Uint8Array | CzModelLike, input: Raster | RasterStack | RegionSource, options: PredictOptions = {},
): Promise<Prediction> {
  const t0 = performance.now();
  const model = await getModel(modelSource, options.load);
  const seg = isSegmentation(model.type);
  const planes: PlaneSource[] = 'planes' in input ? input.planes.map(rasterSource)
    : isRaster(input) ? [rasterSource(input)] : [regionSource(input)];
  const first = planes[0];
  if (!first) throw new InferenceError('INPUT_INVALID', 'The image has no planes.');
  const th = options.tile?.h ?? model.tileHeight ?? 512;
  const tw = options.tile?.w ?? model.tileWidth ?? 512;
  const border = options.border === undefined ? model.border
    : typeof options.border === 'number' ? { y: options.border, x: options.border, z: options.border } : options.border;
  const [gh, gw] = model.graphSpatial.slice(-2);
  if ((gh !== undefined && gh !== th) || (gw !== undefined && gw !== tw)) {
    throw new InferenceError('OPTIONS_INVALID', `This model's ONNX graph takes ${gh ?? 'any'} x ${gw ?? 'any'} tiles; ${th} x ${tw} was asked for.`);
  }
  const plan = planChannels(model, first.channels, options.color);
  const scale = model.scaleInputs && !isFloatDType(first.dtype) ? 1 / DTYPE_MAX[first.dtype] : 1;
  const wantInstances = options.instances === undefined ? isInstanceType(model.type) && seg : options.instances !== false;
  const instanceParams = typeof options.instances === 'object' ? options.instances : model.postprocessing ?? {};
  const needsProb = options.probabilities === true
    || (wantInstances && 'method' in instanceParams && instanceParams.method === 'watershedBoundary');
  const spec: OutputSpec = {
    segmentation: seg,
    classes: model.outChannels,
    labelDType: labelDType(model.outChannels),
    minConfidence: options.minConfidence ?? -Infinity,
    probabilities: needsProb,
    valuesDType: options.regressionOutput === 'input' ? first.dtype : 'float32',
    valueScale: options.regressionOutput === 'input' && scale !== 1 ? 1 / scale : 1,
  };
  const stats: RunStats = { tiles: 0, batches: 0, runMs: 0 };
  const out: PlanePrediction[] = [];
  const image = (pi: number) => ('planes' in input ? input.planes[pi] : isRaster(input) ? input : undefined);
  const region = options.region;
  const cropped = (pi: number): Raster | undefined => {
    const img = image(pi);
    if (!img || !region) return img;
    return { width: region.w, height: region.h, channels: img.channels, dtype: img.dtype, data: extractTile(img, region) };
  };
  const addInstances = (pred: PlanePrediction, w: number, h: number, pi: number) => {
    if (!wantInstances || !pred.labels) return;
    const inst = segmentInstances({ width: w, height: h, labels: pred.labels.data,
      probabilities: pred.probabilities?.data as Float32Array | undefined, classes: model.outChannels }, instanceParams);
    const dtype = labelDType(inst.count);
    const data = dtype === 'uint8' ? Uint8Array.from(inst.labels) : dtype === 'uint16' ? Uint16Array.from(inst.labels) : Uint32Array.from(inst.labels);
    pred.instances = { ...inst, labelImage: { width: w, height: h, channels: 1, dtype, data },
      objects: measureObjects(inst, w, h, cropped(pi), model.classes) };
    if (options.probabilities !== true) delete pred.probabilities;
  };
  if (model.is3D) {
    if (region) throw new InferenceError('OPTIONS_INVALID', 'A region is not supported for 3D models yet.');
    if (!('planes' in input) && !isRaster(input)) throw new InferenceError('INPUT_INVALID', '3D models need an in-memory stack.');
    const stack = 'planes' in input ? input : { sizeZ: 1, sizeT: 1, planes: [input] };
    const vol = { tile: { d: options.tile?.d ?? model.tileDepth ?? stack.sizeZ, h: th, w: tw },
      border: { z: border.z ?? model.border.z ?? 0, y: border.y, x: border.x } };
    const perT = countVolumeTiles(first.width, first.height, stack.sizeZ, vol);
    const total = perT * stack.sizeT * plan.runs.length;
    let before = 0;
    for (let t = 0; t < stack.sizeT; t++) {
      for (let ri = 0; ri < plan.runs.length; ri++) {
        const zs = await predictVolume(model, stack.planes.slice(t * stack.sizeZ, (t + 1) * stack.sizeZ), {
          ...vol, batchSize: options.batchSize ?? 1, padding: options.padding ?? 'reflect', spec, scale,
          channelMap: plan.runs[ri] as Int32Array, signal: options.signal, stats,
          onTiles: (done) => options.onProgress?.({ tilesDone: before + done, tilesTotal: total }),
        });
        before += perT;
        zs.forEach((o, z) => {
          const pi = t * stack.sizeZ + z;
          const pred: PlanePrediction = { plane: pi, ...(plan.runs.length > 1 ? { channel: ri } : {}), ...o };
          addInstances(pred, first.width, first.height, pi);
          out.push(pred);
        });
      }
    }
    out.sort((a, b) => a.plane - b.plane || (a.channel ?? 0) - (b.channel ?? 0));
    return { type: model.type, classes: model.classes, planes: out, stats: { ...stats, totalMs: performance.now() - t0 } };
  }
  const tilesPerPlane = planTiles(first.width, first.height, region, { h: th, w: tw }, border).total;
  const tilesTotal = tilesPerPlane * planes.length * plan.runs.length;
  let tilesBefore = 0;
  for (let pi = 0; pi < planes.length; pi++) {
    for (let ri = 0; ri < plan.runs.length; ri++) {
      const src = planes[pi] as PlaneSource;
      const outputs = await predictPlane(model, src, {
        region, tile: { h: th, w: tw }, border, padding: options.padding ?? 'reflect', spec, scale,
        batchSize: options.batchSize ?? autoBatch(model, th, tw),
        channelMap: plan.runs[ri] as Int32Array, identity: plan.identity[ri] as boolean,
        keep: options.keepOutputs ?? true, signal: options.signal, stats,
        onTiles: (done) => options.onProgress?.({ tilesDone: tilesBefore + done, tilesTotal }),
        onBand: options.onBand ? (y, o) => options.onBand?.(pi * plan.runs.length + ri, y, o) : undefined,
      });
      tilesBefore += tilesPerPlane;
      const pred: PlanePrediction = { plane: pi, ...(plan.runs.length > 1 ? { channel: ri } : {}), ...outputs };
      addInstances(pred, region?.w ?? src.width, region?.h ?? src.height, pi);
      out.push(pred);
    }
  }
  return { type: model.type, classes: model.classes, planes: out, stats: { ...stats, totalMs: performance.now() - t0 } };
}
