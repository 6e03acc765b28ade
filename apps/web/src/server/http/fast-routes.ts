/**
 * The hot routes, served on node:http ahead of Next.js's router (whose per-request work costs more than these
 * handlers themselves): every stroke save, the live event stream and presence of the annotation editor, and every
 * pyramid chunk of the viewer. They are the same handlers the Next route files export (one implementation; the
 * route files stay, for `next dev` and the OpenAPI document); only the host differs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { DB_POOL_SIZE } from '@tessera/db';
import type { NextHandler } from '../api/endpoint';
import * as ann from '../api/endpoints/annotations';
import { getImageFile } from '../api/endpoints/images';
import type { FileAnswer } from '../images/serve-image-file';
import { signedRouteFailure } from '../images/signed-route';
import { db, redis } from '../context';

const IMG = String.raw`^/api/v1/orgs/(?<orgId>[^/]+)/images/(?<imageId>[^/]+)/annotations`;

const ROUTES: [RegExp, Partial<Record<string, NextHandler>>][] = [
  [new RegExp(`${IMG}/ops$`), { POST: ann.postAnnotationOps, GET: ann.getAnnotationOps }],
  [new RegExp(`${IMG}/events$`), { GET: ann.getAnnotationEvents }],
  [new RegExp(`${IMG}/presence$`), { POST: ann.postPresence }],
  [new RegExp(`${IMG}$`), { GET: ann.getImageAnnotations }],
  [/^\/api\/v1\/orgs\/(?<orgId>[^/]+)\/projects\/(?<projectId>[^/]+)\/images\/(?<imageId>[^/]+)\/files\/(?<path>.+)$/, { GET: getImageFile }],
];

/**
 * Opens the database pool and Redis before the first request, so that the first editors after a (re)start do not
 * wait, all at once, for connections to be made.
 */
export async function warmUpFastRoutes(): Promise<void> {
  await Promise.all([...Array.from({ length: DB_POOL_SIZE }, () => db().$queryRaw`SELECT 1`), redis().ping()]);
}

/** The fast route's handler and path parameters for a request, or null when Next.js should answer it. */
export function matchFastRoute(method: string, pathname: string): { handler: NextHandler; params: Record<string, string> } | null {
  for (const [re, methods] of ROUTES) {
    const m = re.exec(pathname);
    const handler = m && methods[method];
    if (!m || !handler) continue;
    try {
      return { handler, params: Object.fromEntries(Object.entries(m.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)])) };
    } catch {
      return null; // a malformed escape: Next.js answers it as it answers any bad URL
    }
  }
  return null;
}

/** Serves the request when it is one of the fast routes; resolves false (having touched nothing) otherwise. */
export async function serveFastRoute(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const route = matchFastRoute(req.method ?? 'GET', url.pathname);
  if (!route) return false;
  const { answer } = route.handler as Partial<Answering>;
  if (answer) {
    await writeAnswer(res, () => answer(route.params, url.searchParams));
    return true;
  }
  const response = await route.handler(toRequest(req, res, url), { params: Promise.resolve(route.params) });
  await writeResponse(res, response);
  return true;
}

/** A handler that can also answer without Request/Response objects (see getImageFile). */
interface Answering {
  answer(params: Record<string, string>, query: URLSearchParams): Promise<FileAnswer>;
}

async function writeAnswer(res: ServerResponse, answer: () => Promise<FileAnswer>) {
  let a: FileAnswer;
  try {
    a = await answer();
  } catch (e) {
    return writeResponse(res, signedRouteFailure(`${res.req.method} ${res.req.url?.split('?')[0]}`, e));
  }
  res.writeHead(a.status, a.headers).end(a.body);
}

function toRequest(req: IncomingMessage, res: ServerResponse, url: URL): Request {
  const ctl = new AbortController();
  res.on('close', () => ctl.abort());
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const init = { method: req.method, headers, signal: ctl.signal, ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}) };
  return new Request(url, init as RequestInit);
}

async function writeResponse(res: ServerResponse, response: Response) {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((v, k) => (headers[k] = v));
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  if (!response.body) return void res.end();
  res.flushHeaders();
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  } catch {
    /* the client went away */
  }
  res.end();
}
