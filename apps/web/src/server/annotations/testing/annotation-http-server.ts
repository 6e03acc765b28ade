/**
 * The fast routes (annotation handlers and image files, see server/http/fast-routes.ts) alone on node:http, without
 * Next.js, so the durability test and `bench:annotation` can run, kill and restart web processes without a
 * `next build`. Env: PORT, DATABASE_URL, REDIS_URL, AUTH_SECRET (as for the web app). Prints "listening <port>".
 */
import http from 'node:http';
import { serveFastRoute, warmUpFastRoutes } from '@/server/http/fast-routes';

const server = http.createServer((req, res) => {
  serveFastRoute(req, res).then(
    (served) => void (served || res.writeHead(404).end()),
    () => void (res.headersSent ? res.destroy() : res.writeHead(500).end()),
  );
});
server.keepAliveTimeout = 30_000;
process.once('SIGTERM', () => process.exit(0));
await warmUpFastRoutes();
server.listen(Number(process.env.PORT ?? 3200), '127.0.0.1', () => console.log(`listening ${(server.address() as { port: number }).port}`));
