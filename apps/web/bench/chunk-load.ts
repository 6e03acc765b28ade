import http from 'node:http';

/**
 * Latency of GETs with `concurrency` clients in parallel, each taking the next URL until `total` are done. The load
 * generator is a plain keep-alive HTTP/1.1 client (as autocannon's and wrk's are), not fetch: undici's fetch costs
 * ~0.9 ms of CPU per request, which on a 2-core machine is taken from the servers being measured. A 302 is followed
 * as a browser does (one more GET to its Location) unless `followRedirect` is false; latency spans both.
 */
export async function measureLatency(urls: string[], opts: { concurrency: number; total: number; followRedirect?: boolean }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency * 2 });
  const follow = opts.followRedirect ?? true;
  const latencies: number[] = [];
  let next = 0;
  let bytes = 0;
  let errors = 0;
  const client = async () => {
    while (next < opts.total) {
      const url = urls[next++ % urls.length]!;
      const t0 = performance.now();
      let res = await get(url, agent);
      if (follow && res.status === 302 && res.location) res = await get(new URL(res.location, url).href, agent);
      latencies.push(performance.now() - t0);
      if (!(res.status === 200 || (!follow && res.status === 302))) errors++;
      bytes += res.bytes;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: opts.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  return { p50: q(50), p95: q(95), p99: q(99), requests: latencies.length, errors, rps: latencies.length / seconds, mbPerS: bytes / 2 ** 20 / seconds };
}

function get(url: string, agent: http.Agent): Promise<{ status: number; location?: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent }, (res) => {
      let bytes = 0;
      res.on('data', (d: Buffer) => (bytes += d.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, bytes }));
      res.on('error', reject);
    }).on('error', reject);
  });
}
