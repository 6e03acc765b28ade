import './setup-env';
import { describe, expect, it, vi } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getImageFile } from '@/server/api/endpoints/images';
import { matchFastRoute, serveFastRoute } from '@/server/http/fast-routes';
import { signedFileUrl } from '@/server/images/signed-url';
import { listApiRouteFiles, loadRouteHandlers } from './route-files';

/** A concrete URL for a route file's OpenAPI-style path. */
const sample = (p: string) => p.replace('{...path}', 'zarr/0/0/1/0/2/3').replace(/\{(\w+)\}/g, (_, name: string) => `${name}-1`);

describe('fast routes (served ahead of Next.js by the production server)', () => {
  it('answer exactly the requests of the route files they shadow, with the same handler and parameters', async () => {
    let shadowed = 0;
    for (const route of listApiRouteFiles()) {
      for (const { method, handler } of await loadRouteHandlers(route)) {
        const fast = matchFastRoute(method, sample(route.path));
        if (!fast) continue;
        shadowed++;
        expect(fast.handler, `${method} ${route.path}`).toBe(handler);
        for (const name of route.path.match(/\{(\w+)\}/g) ?? []) {
          const key = name.slice(1, -1);
          expect(fast.params[key], `${method} ${route.path} :${key}`).toBe(`${key}-1`);
        }
      }
    }
    // stroke ops (POST, GET), live events, presence, the image's annotations, pyramid files
    expect(shadowed).toBe(6);
  });

  it('carry the whole file path of a pyramid chunk, and leave every other request to Next.js', () => {
    expect(matchFastRoute('GET', '/api/v1/orgs/o/projects/p/images/i/files/zarr/0/0/1/0/2/3')?.params).toEqual({ orgId: 'o', projectId: 'p', imageId: 'i', path: 'zarr/0/0/1/0/2/3' });
    expect(matchFastRoute('DELETE', '/api/v1/orgs/o/images/i/annotations/ops')).toBeNull();
    expect(matchFastRoute('GET', '/api/v1/orgs/o/projects')).toBeNull();
    expect(matchFastRoute('GET', '/o/o/projects/p/images/i')).toBeNull();
    expect(matchFastRoute('GET', '/api/v1/orgs/%E0%A4%A/images/i/annotations')).toBeNull();
  });

  it('answer a pyramid file with exactly what its route file answers, without Request objects', async () => {
    const server = http.createServer((req, res) => void serveFastRoute(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // one clock for both answers: their max-age counts down to the URL's expiry by the second
    vi.useFakeTimers({ toFake: ['Date'], now: new Date() });
    try {
      const signed = signedFileUrl(process.env.AUTH_SECRET!, 'o1', 'p1', 'i1', 'zarr');
      const [path, query] = signed.split('?');
      for (const url of [`${path}/0/0/1/0/2/3?${query}`, `${path}/0/0/1/0/2/3?${query!.replace(/sig=./, 'sig=x')}`, `${path}/../secret?${query}`, `${path}/0/0/1/0/2/3`]) {
        const fast = await fetch(`${base}${url}`, { redirect: 'manual' });
        const next = await getImageFile(new Request(`http://tessera.test${url}`), { params: Promise.resolve(matchFastRoute('GET', url.split('?')[0]!)?.params ?? {}) });
        expect([fast.status, fast.headers.get('location'), fast.headers.get('cache-control'), await fast.text()], url).toEqual(
          [next.status, next.headers.get('location'), next.headers.get('cache-control'), await next.text()],
        );
      }
    } finally {
      vi.useRealTimers();
      server.close();
    }
  });
});
