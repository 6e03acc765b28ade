/** Reachability of the services the platform needs, with one clear line when one is missing. */
import net from 'node:net';

export function canConnect(host: string, port: number, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Exits with one line naming the variable to set when Postgres or Redis does not answer. */
export async function requireServices(databaseUrl: string, redisUrl: string): Promise<void> {
  const pg = new URL(databaseUrl);
  const rd = new URL(redisUrl);
  const [pgOk, redisOk] = await Promise.all([
    canConnect(pg.hostname, Number(pg.port || 5432)),
    canConnect(rd.hostname, Number(rd.port || 6379)),
  ]);
  if (!pgOk) fail(`PostgreSQL is not reachable at ${pg.host}: start it, or set DATABASE_URL to a reachable server.`);
  if (!redisOk) fail(`Redis is not reachable at ${rd.host}: start it, or set REDIS_URL to a reachable server.`);
}

function fail(line: string): never {
  console.error(`✖ ${line}`);
  process.exit(1);
}
