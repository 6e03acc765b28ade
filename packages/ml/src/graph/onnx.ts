import onnxProto from 'onnx-proto';

/** The `onnx` namespace of `onnx-proto` (a CommonJS module, unwrapped once here). */
export const onnx = onnxProto.onnx;
export type { onnx as OnnxTypes } from 'onnx-proto';
