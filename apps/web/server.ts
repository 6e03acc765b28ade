/**
 * The production web server (what `npm start` runs): Next.js behind node:http, with the hot routes
 * (src/server/http/fast-routes.ts: stroke saves, live annotation events, pyramid chunks) answered before Next's
 * router sees them. Run from apps/web with the tsx loader after `next build`. Env: PORT, HOSTNAME, and the web
 * app's own (DATABASE_URL, REDIS_URL, AUTH_SECRET, S3_*). Prints "Ready on <url>".
 */
import http from 'node:http';
import next from 'next';
import { serveFastRoute, warmUpFastRoutes } from './src/server/http/fast-routes';

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? '127.0.0.1';
const app = next({ dev: false, dir: import.meta.dirname, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
await warmUpFastRoutes();

const server = http.createServer((req, res) => {
  serveFastRoute(req, res)
    .then((served) => (served ? undefined : handle(req, res)))
    .catch((e: unknown) => {
      console.error('[web] request failed', e);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal error');
      else res.destroy();
    });
});
server.keepAliveTimeout = 65_000;
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections(); // live event streams would hold the close open; their clients reconnect elsewhere
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
server.listen(port, hostname, () => console.log(`Ready on http://${hostname}:${port}`));
