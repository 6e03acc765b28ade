/** A typed fetch client for /api/v1 that turns the API's `{ error: { code, message } }` into an ApiError. */

/** One validation issue; the server sends `path` joined with dots ("labelClasses.0.name"); arrays are accepted too. */
export type ApiIssue = { path: string | (string | number)[]; message: string };

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

const FALLBACK_MESSAGES: Record<number, string> = {
  401: 'Your session has ended. Please sign in again.',
  403: 'You do not have permission to do that.',
  404: 'Not found.',
  429: 'Too many requests. Please wait a moment and try again.',
};

async function readError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: fall through to a generic message
  }
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const code = typeof err?.code === 'string' ? err.code : `HTTP_${res.status}`;
  const message =
    typeof err?.message === 'string' && err.message
      ? err.message
      : (FALLBACK_MESSAGES[res.status] ?? `Something went wrong (HTTP ${res.status}). Please try again.`);
  return new ApiError(res.status, code, message, err?.details);
}

/** Calls the API and returns the parsed JSON body (undefined for 204). Throws ApiError on 4xx/5xx or network failure. */
export async function callApi<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', 'Could not reach the server. Check your connection and try again.');
  }
  if (!res.ok) throw await readError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => callApi<T>('GET', path, undefined, signal),
  post: <T>(path: string, body?: unknown) => callApi<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => callApi<T>('PATCH', path, body),
  delete: (path: string) => callApi<void>('DELETE', path),
};

/** GETs a file download (an export): its bytes and the name the server gave it. Throws ApiError like callApi. */
export async function fetchDownload(path: string): Promise<{ blob: Blob; filename: string }> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Could not reach the server. Check your connection and try again.');
  }
  if (!res.ok) throw await readError(res);
  const filename = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'download';
  return { blob: await res.blob(), filename };
}

/** A message for any thrown value, preferring the API's own words. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return e.message;
  return 'Something went wrong. Please try again.';
}

/** Maps zod issues in a VALIDATION_FAILED error to the first message per top-level field. */
export function fieldErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(e instanceof ApiError) || !Array.isArray(e.details)) return out;
  for (const issue of e.details as Partial<ApiIssue>[]) {
    const key = Array.isArray(issue.path) ? issue.path.join('.') : typeof issue.path === 'string' ? issue.path : '';
    if (key && typeof issue.message === 'string' && !(key in out)) out[key] = asSentence(issue.message);
  }
  return out;
}

/** "must be at least 10 characters" → "Must be at least 10 characters." (field messages stand under their label). */
export function asSentence(message: string): string {
  const m = message.trim();
  if (!m) return m;
  const cap = m[0]!.toUpperCase() + m.slice(1);
  return /[.!?]$/.test(cap) ? cap : `${cap}.`;
}
