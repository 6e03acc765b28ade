/**
 * A plain node:http host for the annotation route handlers (the same handlers Next.js serves), so the durability
 * test and `bench:annotation` can run, kill and restart web processes without a `next build`.
 * Env: PORT, DATABASE_URL, REDIS_URL, AUTH_SECRET (as for the web app). Prints "listening <port>".
 */
import http from 'node:http';
import { Readable } from 'node:stream';
import type { NextHandler } from '@/server/api/endpoint';
import * as ann from '@/server/api/endpoints/annotations';

const ROUTES: [RegExp, Partial<Record<string, NextHandler>>][] = [
  [/^\/api\/v1\/orgs\/(?<orgId>[^/]+)\/images\/(?<imageId>[^/]+)\/annotations\/ops$/, { POST: ann.postAnnotationOps, GET: ann.getAnnotationOps }],
  [/^\/api\/v1\/orgs\/(?<orgId>[^/]+)\/images\/(?<imageId>[^/]+)\/annotations\/events$/, { GET: ann.getAnnotationEvents }],
  [/^\/api\/v1\/orgs\/(?<orgId>[^/]+)\/images\/(?<imageId>[^/]+)\/annotations\/presence$/, { POST: ann.postPresence }],
  [/^\/api\/v1\/orgs\/(?<orgId>[^/]+)\/images\/(?<imageId>[^/]+)\/annotations$/, { GET: ann.getImageAnnotations }],
];

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  for (const [re, methods] of ROUTES) {
    const m = re.exec(url.pathname);
    const handler = m && methods[req.method ?? 'GET'];
    if (!m || !handler) continue;
    const ctl = new AbortController();
    res.on('close', () => ctl.abort());
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(url, { method: req.method, headers, body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined, signal: ctl.signal, ...(hasBody ? { duplex: 'half' } : {}) } as RequestInit);
    const response = await handler(request, { params: Promise.resolve({ ...m.groups }) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (res.req.method === 'HEAD' || !response.body) return void res.end();
    res.flushHeaders();
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
    } catch {
      /* client went away */
    }
    return void res.end();
  }
  res.writeHead(404).end();
});
server.keepAliveTimeout = 30_000;
process.once('SIGTERM', () => process.exit(0));
server.listen(Number(process.env.PORT ?? 3200), '127.0.0.1', () => console.log(`listening ${(server.address() as { port: number }).port}`));
