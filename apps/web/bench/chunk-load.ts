/** Latency of GETs with `concurrency` clients in parallel, each taking the next URL until `total` are done. */
export async function measureLatency(urls: string[], opts: { concurrency: number; total: number; headers?: Record<string, string>; redirect?: RequestRedirect }) {
  const latencies: number[] = [];
  let next = 0;
  let bytes = 0;
  let errors = 0;
  const client = async () => {
    while (next < opts.total) {
      const url = urls[next++ % urls.length]!;
      const t0 = performance.now();
      const res = await fetch(url, { headers: opts.headers, redirect: opts.redirect ?? 'follow' });
      const body = await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (!res.ok && !(opts.redirect === 'manual' && res.status === 302)) errors++;
      bytes += body.byteLength;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: opts.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  return { p50: q(50), p95: q(95), p99: q(99), requests: latencies.length, errors, rps: latencies.length / seconds, mbPerS: bytes / 2 ** 20 / seconds };
}
