import { ApiError } from '../errors';

export const MAX_MODEL_BYTES = 512 * 1024 * 1024;
export const MAX_IMAGE_UPLOAD_BYTES = 256 * 1024 * 1024;

/** Reads a binary request body (a model or image file) with a size cap checked while streaming. */
export async function readUpload(req: Request, maxBytes: number): Promise<Uint8Array> {
  if (Number(req.headers.get('content-length') ?? 0) > maxBytes || !req.body) {
    if (!req.body) throw new ApiError('VALIDATION_FAILED', 'Send the file as the request body.');
    throw new ApiError('PAYLOAD_TOO_LARGE', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB.`);
  }
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.length;
    if (n > maxBytes) {
      await reader.cancel();
      throw new ApiError('PAYLOAD_TOO_LARGE', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB.`);
    }
    chunks.push(value);
  }
  if (n === 0) throw new ApiError('VALIDATION_FAILED', 'The uploaded file is empty.');
  return new Uint8Array(Buffer.concat(chunks));
}

/** A file name safe for storage keys and Content-Disposition. */
export function safeFileName(name: string | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 120);
  return clean || fallback;
}
