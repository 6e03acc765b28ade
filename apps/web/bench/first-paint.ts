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
      const t0 = performance.now();
      await page.goto(url);
      await page.locator('[data-testid="viewer-canvas"][data-painted="true"]').waitFor({ timeout: 60_000 });
      times.push(performance.now() - t0);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}
