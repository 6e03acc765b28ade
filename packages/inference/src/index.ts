export { InferenceError, type InferenceErrorCode } from './errors';
export { loadModel, type LoadedModel, type LoadModelOptions } from './load-model';
export { getModel, clearModelCache } from './model-cache';
export { predict, type PredictOptions, type Prediction, type PlanePrediction, type PredictProgress } from './predict';
export type { PlaneOutputs } from './tile-output';
export type { RunStats } from './predict-plane';
export type { ModelType, ModelMetadataLike, CzModelLike } from './model-metadata';
export type { Raster, RasterStack, RegionSource, Rect, DType, TypedArray } from './types';
export {
  POSTPROCESSING_KEY, InstancePostprocessingSchema, parsePostprocessing,
  type InstancePostprocessing, type InstancePostprocessingInput,
} from './postprocessing-schema';
export { segmentInstances, type InstanceInput, type InstanceLabels } from './instances/segment-instances';
export { labelComponents, fillHoles, relabelSequential } from './instances/connected-components';
export { distanceTransform } from './instances/distance-transform';
export { findSeeds } from './instances/find-seeds';
export { watershed } from './instances/watershed';
export { measureObjects, objectsToCsv, type ObjectRow } from './instances/object-table';
export { matchInstances, foregroundIoU, type InstanceMatch } from './instances/evaluate-instances';
