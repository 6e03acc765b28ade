export type InferenceErrorCode =
  | 'MODEL_INVALID'
  | 'UNSUPPORTED_MODEL'
  | 'CHANNEL_MISMATCH'
  | 'INPUT_INVALID'
  | 'OPTIONS_INVALID'
  | 'CANCELLED';

/** Typed inference error; `code` is stable for callers and the CLI. */
export class InferenceError extends Error {
  readonly code: InferenceErrorCode;
  constructor(code: InferenceErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InferenceError';
    this.code = code;
  }
}
