import type { z } from 'zod';
import { ApiError } from '../errors';

export const MAX_JSON_BYTES = 64 * 1024;

/** Reads a JSON body with a size cap (checked while streaming, whatever Content-Length claims) and validates it. */
export async function readJsonBody<S extends z.ZodType>(req: Request, schema: S, maxBytes = MAX_JSON_BYTES): Promise<z.infer<S>> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as JSON with Content-Type: application/json.');
  }
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readCapped(req, maxBytes);
  let value: unknown;
  try {
    value = text.length ? JSON.parse(text) : undefined;
  } catch (e) {
    throw new ApiError('INVALID_JSON', `The request body is not valid JSON: ${(e as Error).message}`);
  }
  return parseInput(schema, value, 'body');
}

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query'): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0];
    const message = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : `Invalid ${where}`;
    throw new ApiError('VALIDATION_FAILED', `Invalid ${where}: ${message}`, issues);
  }
  return parsed.data;
}

const tooLarge = (max: number) => new ApiError('PAYLOAD_TOO_LARGE', `The request body is larger than ${max / 1024} KiB.`);

async function readCapped(req: Request, maxBytes: number): Promise<string> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}
