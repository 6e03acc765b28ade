import { encode } from 'next-auth/jwt';
import { SESSION_COOKIE } from '@/server/auth/session-cookie';

export type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type Credentials = { session: string } | { token: string } | null;

export const ORIGIN = 'http://tessera.test';

/** A session cookie for userId, signed like Auth.js signs it. */
export async function sessionFor(userId: string): Promise<{ session: string }> {
  const jwt = await encode({ token: { sub: userId }, secret: process.env.AUTH_SECRET!, salt: SESSION_COOKIE });
  return { session: `${SESSION_COOKIE}=${jwt}` };
}

/** Calls a route handler the way Next.js does: a real Request plus params. */
export async function callRoute(
  handler: Handler,
  opts: { method?: string; path?: string; params?: Record<string, string>; body?: unknown; rawBody?: string; auth?: Credentials; headers?: Record<string, string> },
) {
  const headers: Record<string, string> = { host: 'tessera.test' };
  if (opts.auth && 'session' in opts.auth) {
    headers.cookie = opts.auth.session;
    headers.origin = ORIGIN;
  }
  if (opts.auth && 'token' in opts.auth) headers.authorization = `Bearer ${opts.auth.token}`;
  Object.assign(headers, opts.headers);
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const req = new Request(`${ORIGIN}${opts.path ?? '/'}`, { method: opts.method ?? 'GET', headers, body });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read response fields freely
  return { status: res.status, text, json: json as Record<string, any> };
}
