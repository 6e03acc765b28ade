/** Every failure the package reports is a CzannError with one of these codes. */
export const CZANN_ERROR_CODES = [
  'NOT_A_ZIP', // the bytes are not a ZIP archive at all
  'TRUNCATED', // a ZIP whose end (or an entry) is cut off
  'ZIP_CORRUPT', // inconsistent central directory, local headers or entry data
  'ZIP_UNSUPPORTED', // encryption, ZIP64, multi-disk, unknown compression
  'LIMIT_EXCEEDED', // a size, ratio or count cap (zip bombs, huge metadata) was hit
  'UNSAFE_ENTRY_NAME', // absolute, `..`, NUL or drive-letter entry names
  'DUPLICATE_ENTRY', // two entries with the same (case-folded) name
  'CRC_MISMATCH', // entry data does not match its CRC-32
  'MISSING_ENTRY', // no metadata or no model entry
  'BAD_METADATA', // model.json / legacy XML content is invalid
  'BAD_XML', // legacy XML is not well-formed (or uses DTDs, or is too deep)
  'BAD_ONNX', // the model entry is not a parseable ONNX protobuf
  'INVALID_ARGUMENT', // a caller passed something unusable (writer / CLI input)
  'IO_ERROR', // the file could not be read
] as const;
export type CzannErrorCode = (typeof CZANN_ERROR_CODES)[number];

export class CzannError extends Error {
  readonly code: CzannErrorCode;
  constructor(code: CzannErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CzannError';
    this.code = code;
  }
}

export function isCzannError(e: unknown): e is CzannError {
  return e instanceof CzannError;
}
