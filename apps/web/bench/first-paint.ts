import { chromium } from 'playwright';

/**
 * Time from navigating to the viewer page until its canvas reports a full paint (every chunk of the visible level
 * loaded and drawn: data-painted="true"), in a fresh browser context (cold cache) each run.
 */
export async function measureFirstPaint(url: string, cookie: { name: string; value: string; url: string }, runs = 3): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'] });
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addCookies([cookie]);
      const page = await context.newPage();
      const requests: string[] = [];
      if (process.env.BENCH_PAINT_DETAIL) {
        page.on('requestfinished', (r) => {
          const t = r.timing();
          if (r.url().includes('zarr')) requests.push(`    ${r.url().split('?')[0]!.split('/').slice(-7).join('/')} ${r.redirectedFrom() ? '(redirected) ' : ''}start ${t.startTime.toFixed(0)} request ${t.requestStart.toFixed(1)} response ${t.responseStart.toFixed(1)} end ${t.responseEnd.toFixed(1)}`);
        });
      }
      const t0 = performance.now();
      await page.goto(url);
      await page.locator('[data-testid="viewer-canvas"][data-painted="true"]').waitFor({ timeout: 60_000 });
      times.push(performance.now() - t0);
      if (process.env.BENCH_PAINT_DETAIL) console.log([await page.evaluate(TIMELINE), ...requests].join('\n'));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}

/**
 * Where a paint's time went, from the page's own Performance entries (BENCH_PAINT_DETAIL=1). A string, because the
 * tsx transform decorates functions with helpers the page does not have.
 */
const TIMELINE = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  const isApi = (r) => r.name.includes('/api/') && !r.name.includes('/files/');
  const group = (name, pick) => {
    const rs = res.filter(pick);
    if (!rs.length) return name + ' 0';
    const start = Math.min(...rs.map((r) => r.startTime)), end = Math.max(...rs.map((r) => r.responseEnd));
    const each = rs.map((r) => r.responseEnd - r.startTime).sort((a, b) => a - b);
    return name + ' ' + rs.length + ': ' + start.toFixed(0) + '–' + end.toFixed(0) + ' ms (each p50 ' + each[each.length >> 1].toFixed(0) + ' ms)';
  };
  return ['  html: ttfb ' + nav.responseStart.toFixed(0) + ' ms, done ' + nav.responseEnd.toFixed(0) + ' ms, DOMContentLoaded ' + nav.domContentLoadedEventEnd.toFixed(0) + ' ms',
    group('scripts', (r) => r.initiatorType === 'script' || r.name.endsWith('.js')),
    group('api', isApi) + ' ' + res.filter(isApi).map((r) => new URL(r.name).pathname).join(', '),
    group('chunks fetched by the page (the viewer fetches in a worker: see the request list)', (r) => r.name.includes('/files/zarr/'))].join('\\n  ');
})()`;
