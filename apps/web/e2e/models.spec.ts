import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { newAccount, orgNav, signUpWithOrg, uniq } from './helpers';
import { makePlatformStaff } from './staff';

/** A real .czann (napari's nuclei segmentation model) from the shared data, read in place. */
const MODEL_FILE = path.resolve(import.meta.dirname, '../../../../shared/data/czann/napari_simple_nuclei_segmodel.czann');
const BBBC_IMAGE = path.resolve(import.meta.dirname, '../../../../shared/data/nuclei-bbbc039/images/IXMtest_A02_s1_w1051DAA7C-7042-435F-99F0-1E847D9B42CB.tif');
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function downloadBytes(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(file) };
}

test('a customer orders a model, the service team fulfils it, the customer downloads it; other organisations see nothing', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const modelBytes = readFileSync(MODEL_FILE);

  // Customer: a project and an order.
  const customerOrg = `Lab ${uniq()}`;
  const orgId = await signUpWithOrg(page, newAccount('Customer'), customerOrg);
  await page.getByRole('button', { name: 'New project' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Name', { exact: true }).fill('Nuclei');
  await dialog.getByLabel('Class 1 name').fill('Nucleus');
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nuclei' })).toBeVisible();
  const projectId = /\/projects\/([^/]+)$/.exec(new URL(page.url()).pathname)![1]!;

  await orgNav(page).getByRole('link', { name: 'Orders' }).click();
  await page.getByRole('link', { name: 'Order a model' }).first().click();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByLabel('Goal')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Goal')).toHaveAccessibleDescription('Describe the goal in a few words.');
  await page.getByLabel('Goal').fill('Segment nuclei in DAPI widefield images');
  await page.getByLabel('Classes').fill('Nucleus, Background');
  await page.getByLabel('Example images (optional)').setInputFiles({ name: 'example.tif', mimeType: 'image/tiff', buffer: Buffer.from('II*\0example') });
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Model order' })).toBeVisible();
  const orderId = /\/orders\/([^/]+)$/.exec(new URL(page.url()).pathname)![1]!;
  await expect(page.getByRole('list', { name: 'Order progress' }).locator('[aria-current="step"]')).toHaveText('requested');
  await expect(page.getByText('example.tif')).toBeVisible();

  // Service team: a staff user quotes.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  const staffAccount = newAccount('Staff');
  await signUpWithOrg(staff, staffAccount, `Service ${uniq()}`);
  await makePlatformStaff(staffAccount.email);
  await staff.goto('/service');
  const queued = staff.getByRole('list', { name: 'Open orders' }).getByRole('link').filter({ hasText: customerOrg });
  await expect(queued).toContainText(customerOrg);
  await queued.click();
  await staff.getByLabel('Amount').fill('1200');
  await staff.getByLabel('Note to the customer').fill('Two weeks, including labelling.');
  await staff.getByRole('button', { name: 'Send quote' }).click();
  await expect(staff.getByRole('heading', { name: 'Quote sent: waiting for the customer' })).toBeVisible();
  // Not accepted yet: no way into the customer's project.
  expect((await staff.goto(`/o/${orgId}/projects/${projectId}`))?.status()).toBe(404);

  // Customer: notified, accepts.
  await page.reload();
  await page.getByRole('button', { name: /Notifications \(1 new\)/ }).click();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Your model order has a quote');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Quote' })).toContainText('€1,200.00');
  await page.getByRole('button', { name: 'Accept quote' }).click();
  await page.getByRole('dialog', { name: 'Accept the quote?' }).getByRole('button', { name: 'Accept quote' }).click();
  await expect(page.getByRole('list', { name: 'Order progress' }).locator('[aria-current="step"]')).toHaveText('accepted');

  // Service team: starts, opens the granted project (as an annotator), delivers the .czann.
  await staff.goto(`/service/orders/${orderId}`);
  await staff.getByRole('button', { name: 'Start work' }).click();
  await expect(staff.getByLabel('Model file')).toBeVisible();
  await staff.getByRole('link', { name: 'Open project Nuclei' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Nuclei' })).toBeVisible();
  await staff.goto(`/service/orders/${orderId}`);
  await staff.getByLabel('Model file').setInputFiles(MODEL_FILE);
  await staff.getByLabel('Model name (optional)').fill('Nuclei service model');
  await staff.getByRole('button', { name: 'Deliver model' }).click();
  await expect(staff.getByText('Delivered. The customer was notified in the app.')).toBeVisible();
  // Delivery ends the access.
  expect((await staff.goto(`/o/${orgId}/projects/${projectId}`))?.status()).toBe(404);
  await staffContext.close();

  // Customer: notified, opens the model, packages it as .czann (parity checked) and downloads it.
  await page.reload();
  await expect(page.getByRole('list', { name: 'Order progress' }).locator('[aria-current="step"]')).toHaveText('delivered');
  await page.getByRole('button', { name: /Notifications/ }).click();
  await page.getByRole('region', { name: 'Notifications' }).getByRole('link', { name: /Nuclei service model.*ready to download/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nuclei service model' })).toBeVisible();
  await expect(page.getByText('Model service', { exact: true }).first()).toBeVisible();
  const modelId = /\/models\/([^/]+)$/.exec(new URL(page.url()).pathname)![1]!;

  const source = await downloadBytes(page, () => page.getByRole('button', { name: /Download napari_simple_nuclei_segmodel\.czann/ }).click());
  expect(source.name).toBe('napari_simple_nuclei_segmodel.czann');
  expect(sha256(source.bytes)).toBe(sha256(modelBytes));

  await page.getByRole('button', { name: 'Package as .czann' }).click();
  const pkg = page.getByRole('listitem', { name: '.czann package' });
  await expect(pkg.getByText('succeeded')).toBeVisible({ timeout: 45_000 });
  const parity = pkg.getByRole('group', { name: 'Parity report (czann)' });
  await expect(parity).toContainText('passed');
  await expect(parity.getByRole('row', { name: /Label agreement/ })).toContainText('100.000 %');
  const czann = await downloadBytes(page, () => pkg.getByRole('button', { name: 'Download .czann of version 1' }).click());
  expect(czann.name).toMatch(/\.czann$/);
  expect(czann.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(pkg.getByText(`SHA-256 ${sha256(czann.bytes)}`)).toBeVisible();

  // A member of another organisation sees neither the order nor the model, in pages or API.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  const otherOrgId = await signUpWithOrg(other, newAccount('Other'), `Other ${uniq()}`);
  expect((await other.goto(`/o/${orgId}/orders/${orderId}`))?.status()).toBe(404);
  expect((await other.goto(`/o/${orgId}/models/${modelId}`))?.status()).toBe(404);
  expect([403, 404]).toContain((await other.request.get(`/api/v1/orgs/${orgId}/models/${modelId}`)).status());
  expect([403, 404]).toContain((await other.request.get(`/api/v1/orgs/${orgId}/orders/${orderId}`)).status());
  expect((await other.request.get(`/api/v1/orgs/${otherOrgId}/models/${modelId}`)).status()).toBe(404);
  expect((await other.request.get(`/api/v1/orgs/${otherOrgId}/orders/${orderId}`)).status()).toBe(404);
  expect((await other.request.get('/api/v1/service/orders')).status()).toBe(403);
  expect((await other.goto('/service'))?.status()).toBe(404);
  await other.goto(`/o/${otherOrgId}/orders`);
  await expect(other.getByText('No orders yet')).toBeVisible();
  await otherContext.close();
});

test('an owner imports a .czann (findings shown), runs it on a project image and packages a container bundle', async ({ page }) => {
  test.setTimeout(90_000);
  const orgId = await signUpWithOrg(page, newAccount('Importer'), `Import Lab ${uniq()}`);
  const origin = new URL(page.url()).origin;
  const res = await page.request.post(`/api/v1/orgs/${orgId}/projects`, { data: { name: 'Kidney' }, headers: { origin } });
  expect(res.status()).toBe(201);
  const projectId = ((await res.json()) as { id: string }).id;
  await page.goto(`/o/${orgId}/projects/${projectId}/images`);
  await page.getByLabel('Choose image files to upload').setInputFiles(BBBC_IMAGE);
  await expect(page.getByTestId('image-status').first()).toHaveAttribute('data-status', 'READY', { timeout: 60_000 });

  await orgNav(page).getByRole('link', { name: 'Models' }).click();
  await page.getByRole('link', { name: 'Models of Kidney →' }).click();
  await expect(page.getByText('No models yet')).toBeVisible();
  await page.getByRole('button', { name: 'Import model' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a model' });
  await dialog.getByLabel('Model file').setInputFiles(MODEL_FILE);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByText(/Imported napari_simple_nuclei_segmodel as version 1/)).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Validation findings' }).or(dialog.getByText('Validation found nothing to report.'))).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('list', { name: 'Models' }).getByRole('link', { name: 'napari_simple_nuclei_segmodel' }).click();
  await expect(page.getByText('Imported', { exact: true }).first()).toBeVisible();

  // Run on the image: the label TIFF and the object table are linked when it has finished.
  await page.getByRole('button', { name: 'Run model' }).click();
  const run = page.getByLabel('Model run');
  await expect(run.getByText('succeeded')).toBeVisible({ timeout: 45_000 });
  const labels = run.getByRole('link', { name: 'Label image (TIFF)' });
  const tiff = await page.request.get((await labels.getAttribute('href'))!);
  expect(tiff.status()).toBe(200);
  expect((await tiff.body()).subarray(0, 4).toString('latin1')).toMatch(/^(II\*\0|MM\0\*)/);

  // A container bundle: parity by running its own runtime; without a Docker daemon the UI says how to build it.
  await page.getByRole('button', { name: 'Package as container bundle' }).click();
  const bundle = page.getByRole('listitem', { name: 'Container bundle package' });
  await expect(bundle.getByText('succeeded')).toBeVisible({ timeout: 60_000 });
  await expect(bundle.getByRole('group', { name: 'Parity report (bundle)' })).toContainText('passed');
  await expect(bundle.getByText(/No Docker daemon answered|Docker image built/)).toBeVisible();
  await expect(bundle.getByRole('button', { name: 'Download Bundle (.tar.gz) of version 1' })).toBeVisible();
});
