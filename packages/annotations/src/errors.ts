export type AnnotationErrorCode = 'INVALID_GEOMETRY' | 'INVALID_REGION' | 'TOO_MANY_CLASSES';

/** A shape or request the rasteriser cannot honour; `code` says which rule was broken. */
export class AnnotationError extends Error {
  constructor(
    readonly code: AnnotationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AnnotationError';
  }
}
