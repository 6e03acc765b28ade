import type { CzModel, ModelMetadata, ModelType } from '@tessera/czann';

export type { ModelType } from '@tessera/czann';
/** The metadata fields inference reads (extra keys optional, so hand-made metadata works too). */
export type ModelMetadataLike = Omit<ModelMetadata, 'extra'> & { extra?: Record<string, unknown> };
/** A model as @tessera/czann's readModel returns it; only these fields are used. */
export type CzModelLike = Pick<CzModel, 'format' | 'onnx'> & { metadata: ModelMetadataLike };

export function isSegmentation(type: ModelType): boolean {
  return type.endsWith('Segmentation');
}

export function isInstanceType(type: ModelType): boolean {
  return type.endsWith('InstanceSegmentation');
}
