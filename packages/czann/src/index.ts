export { CzannError, CZANN_ERROR_CODES, isCzannError, type CzannErrorCode } from './errors';
export {
  MODEL_TYPES, PIXEL_TYPES, DEFAULT_READ_LIMITS,
  type ModelType, type PixelType, type ColorHandling, type Rgb, type ModelMetadata, type ModelFormat, type CzModel, type ReadLimits,
} from './types';
export { readModel, type ReadOptions } from './read-model';
export { inspectOnnx, ONNX_ELEM_TYPES, type OnnxSummary, type TensorInfo } from './onnx-inspect';
export { ModelJsonSchema, type ModelJson } from './model-json';
export { writeCzann, writeCzmodel, formatModelJson, LICENSE_ENTRY, type ModelInput, type WriteOptions, type WriteCzmodelOptions } from './write-model';
export { convertLegacy, legacyInputScale, scaleOnnxInput, PIXEL_TYPE_MAX, type ConvertResult } from './convert-legacy';
export { validateModel, type Finding, type ValidationReport } from './validate-model';
export { writeZip, type ZipWriteEntry, type ZipWriteOptions } from './zip-write';
