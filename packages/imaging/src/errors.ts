export type ImagingErrorCode =
  | 'unknown-format'
  | 'truncated'
  | 'corrupt'
  | 'unsupported'
  | 'too-large'
  | 'invalid-argument';

/** Every failure to read or write an image. `message` is written for the person who uploaded the file. */
export class ImagingError extends Error {
  override readonly name = 'ImagingError';
  constructor(
    readonly code: ImagingErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isImagingError(e: unknown): e is ImagingError {
  return e instanceof ImagingError;
}
