import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { newAccount, signUpWithOrg, uniq } from './helpers';

const BBBC = path.resolve(import.meta.dirname, '../../../../shared/data/nuclei-bbbc039/images');
const bbbcFile = path.join(BBBC, readdirSync(BBBC).sort()[0]!);

async function projectWithImagesPage(page: Page) {
  const orgId = await signUpWithOrg(page, newAccount('Imager'), `Imaging Lab ${uniq()}`);
  const origin = new URL(page.url()).origin;
  const res = await page.request.post(`/api/v1/orgs/${orgId}/projects`, { data: { name: `Nuclei ${uniq()}` }, headers: { origin } });
  expect(res.status()).toBe(201);
  const projectId = ((await res.json()) as { id: string }).id;
  await page.goto(`/o/${orgId}/projects/${projectId}`);
  await page.getByRole('link', { name: 'Images →' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Images' })).toBeVisible();
  return { orgId, projectId };
}

const decode = (png: Buffer) => PNG.sync.read(png);

/** Fraction of pixels whose RGB differ by more than 8 levels. */
function diffFraction(a: Buffer, b: Buffer): number {
  const pa = decode(a);
  const pb = decode(b);
  expect([pa.width, pa.height]).toEqual([pb.width, pb.height]);
  let n = 0;
  for (let i = 0; i < pa.data.length; i += 4) {
    if (Math.abs(pa.data[i]! - pb.data[i]!) + Math.abs(pa.data[i + 1]! - pb.data[i + 1]!) + Math.abs(pa.data[i + 2]! - pb.data[i + 2]!) > 8) n++;
  }
  return n / (pa.width * pa.height);
}

/**
 * Waits for the canvas to report a full paint, then returns what the GPU drew (the WebGL canvas read back as PNG:
 * a screenshot of the image itself, without page chrome or the HUD on top of it).
 */
async function painted(page: Page): Promise<Buffer> {
  await expect(page.getByTestId('viewer-canvas')).toHaveAttribute('data-painted', 'true', { timeout: 30_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const url = await page.getByTestId('viewer-canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL('image/png'));
  return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}

test('upload a BBBC039 16-bit TIFF, wait for ready, view it, change contrast and colour, zoom in', async ({ page }) => {
  test.setTimeout(120_000);
  await projectWithImagesPage(page);
  await page.getByLabel('Choose image files to upload').setInputFiles(bbbcFile);
  await expect(page.getByTestId('upload-item')).toContainText('Uploaded', { timeout: 30_000 });
  await expect(page.getByTestId('image-status').first()).toHaveAttribute('data-status', 'READY', { timeout: 60_000 });
  await expect(page.getByTestId('image-card').first()).toContainText('696 × 520');
  await expect(page.getByTestId('image-card').first().locator('img')).toBeVisible();
  await page.getByTestId('image-card').first().getByRole('link').click();

  const before = await painted(page);
  const grey = decode(before);
  let lit = 0;
  let greyest = 0;
  for (let i = 0; i < grey.data.length; i += 4) {
    if (grey.data[i]! > 40) lit++;
    greyest = Math.max(greyest, Math.abs(grey.data[i]! - grey.data[i + 1]!), Math.abs(grey.data[i]! - grey.data[i + 2]!));
  }
  expect(greyest).toBe(0); // one channel in white: grey pixels
  expect(lit).toBeGreaterThan(100); // nuclei are visible with the auto contrast

  // Contrast: a lower maximum brightens the nuclei (no refetch: the same chunks are re-shaded on the GPU).
  const max = page.getByLabel('Maximum of Intensity');
  const oldMax = Number(await max.inputValue());
  const chunkRequests: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/files/zarr/')) chunkRequests.push(r.url()); });
  await max.fill(String(Math.round(oldMax / 3)));
  const brighter = await painted(page);
  expect(diffFraction(before, brighter)).toBeGreaterThan(0.01);
  expect(chunkRequests).toEqual([]);

  // Colour: red only — green and blue go to zero where red is lit.
  await page.getByLabel('Colour of Intensity').fill('#ff0000');
  const red = decode(await painted(page));
  let redLit = 0;
  let greenBlue = 0;
  for (let i = 0; i < red.data.length; i += 4) {
    greenBlue = Math.max(greenBlue, red.data[i + 1]!, red.data[i + 2]!);
    if (red.data[i]! > 40) redLit++;
  }
  expect(greenBlue).toBe(0);
  expect(redLit).toBeGreaterThan(lit);

  // Zoom in (keyboard): the view changes; the readout shows values under the cursor.
  const zoomedOut = await painted(page);
  await page.getByTestId('image-viewer').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('+');
  const zoomed = await painted(page);
  expect(diffFraction(zoomedOut, zoomed)).toBeGreaterThan(0.2);
  await expect(page.getByTestId('viewer-status')).toContainText('Level 0');
  const box = (await page.getByTestId('image-viewer').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('pixel-readout')).toContainText(/x \d+ y \d+: Intensity \d+/);
  await page.getByRole('button', { name: 'Fit' }).click();
  expect(diffFraction(await painted(page), zoomedOut)).toBeLessThan(0.01);
});

test('an upload resumes after the page is reloaded mid-way', async ({ page }, info) => {
  test.setTimeout(120_000);
  await projectWithImagesPage(page);
  // A real TIFF padded to 40 MiB: 3 parts of 16 MiB (TIFF readers ignore bytes after the image).
  const padded = Buffer.alloc(40 * 2 ** 20);
  readFileSync(bbbcFile).copy(padded);
  const file = info.outputPath('padded-nuclei.tif');
  writeFileSync(file, padded);

  // Let part 1 through; hold parts 2 and 3 so the reload happens mid-upload.
  await page.route(/partNumber=/, (route) => (/partNumber=1(&|$)/.test(route.request().url()) ? route.continue() : undefined));
  const recorded = page.waitForResponse((r) => r.url().endsWith('/upload/parts') && r.request().method() === 'PUT' && r.status() === 200);
  await page.getByLabel('Choose image files to upload').setInputFiles(file);
  await recorded;
  await expect(page.getByTestId('image-status').first()).toHaveAttribute('data-status', 'UPLOADING');
  await page.reload();
  await page.unroute(/partNumber=/);

  await page.getByLabel('Choose image files to upload').setInputFiles(file);
  await expect(page.getByTestId('upload-item')).toContainText('resumed (1 of 3 parts already uploaded)');
  await expect(page.getByTestId('upload-item')).toContainText('Uploaded', { timeout: 60_000 });
  await expect(page.getByTestId('image-card')).toHaveCount(1);
  await expect(page.getByTestId('image-status').first()).toHaveAttribute('data-status', 'READY', { timeout: 60_000 });
});
