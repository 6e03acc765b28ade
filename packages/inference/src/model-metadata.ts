/** The parts of @tessera/czann's ModelMetadata / CzModel that inference uses (structural, so any reader works). */
export type ModelType =
  | 'SingleClassInstanceSegmentation' | 'MultiClassInstanceSegmentation'
  | 'SingleClassSemanticSegmentation' | 'MultiClassSemanticSegmentation'
  | 'SingleClassClassification' | 'MultiClassClassification' | 'ObjectDetection' | 'Regression';

export interface ModelMetadataLike {
  id?: string;
  type: ModelType;
  inputShape: number[];
  outputShape: number[];
  minOverlap?: number[];
  classes?: string[];
  modelName?: string;
  pixelTypes?: string[];
  colorHandling?: 'ConvertToMonochrome' | 'SplitRgb';
  scaleInputsByBitdepth?: boolean;
  extra?: Record<string, unknown>;
}

export interface CzModelLike {
  format: 'czann' | 'czmodel' | 'czseg';
  metadata: ModelMetadataLike;
  onnx: Uint8Array;
}

export function isSegmentation(type: ModelType): boolean {
  return type.endsWith('Segmentation');
}

export function isInstanceType(type: ModelType): boolean {
  return type.endsWith('InstanceSegmentation');
}
