import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { newAccount, signUpWithOrg, uniq } from './helpers';

const BBBC = path.resolve(import.meta.dirname, '../../../../shared/data/nuclei-bbbc039/images');
const bbbcFile = path.join(BBBC, readdirSync(BBBC).sort()[0]!);

/** A stroke with the mouse across the editor, in fractions of its box. */
async function stroke(page: Page, from: [number, number], to: [number, number]) {
  const box = (await page.getByTestId('annotation-overlay').boundingBox())!;
  const at = (f: [number, number]) => [box.x + box.width * f[0], box.y + box.height * f[1]] as const;
  await page.mouse.move(...at(from));
  await page.mouse.down();
  for (let k = 1; k <= 8; k++) await page.mouse.move(at(from)[0] + ((at(to)[0] - at(from)[0]) * k) / 8, at(from)[1] + ((at(to)[1] - at(from)[1]) * k) / 8);
  await page.mouse.up();
}

const count = (page: Page) => page.getByTestId('object-count');
const saved = (page: Page) => expect(page.getByTestId('sync-status')).toContainText('All changes saved', { timeout: 20_000 });

test('two people annotate one image live, one goes offline and catches up, reload keeps everything, review round trip', async ({ page, browser }) => {
  test.setTimeout(180_000);
  // Owner (annotator A): a project with classes and one ingested image
  const owner = newAccount('Annotator');
  const orgId = await signUpWithOrg(page, owner, `Annotation Lab ${uniq()}`);
  const origin = new URL(page.url()).origin;
  const p = await page.request.post(`/api/v1/orgs/${orgId}/projects`, {
    data: { name: `Nuclei ${uniq()}`, kind: 'INSTANCE', labelClasses: [{ name: 'Background', color: '#3366ff' }, { name: 'Nucleus', color: '#ff3300' }] },
    headers: { origin },
  });
  expect(p.status()).toBe(201);
  const projectId = ((await p.json()) as { id: string }).id;
  await page.goto(`/o/${orgId}/projects/${projectId}/images`);
  await page.getByLabel('Choose image files to upload').setInputFiles(bbbcFile);
  await expect(page.getByTestId('image-status').first()).toHaveAttribute('data-status', 'READY', { timeout: 90_000 });
  const href = (await page.getByTestId('image-card').first().getByRole('link').first().getAttribute('href'))!;
  const imageId = href.split('/').pop()!;
  const editor = `/o/${orgId}/projects/${projectId}/images/${imageId}/annotate`;

  // Reviewer (B) joins through an invitation and signs in in a second browser
  const inv = await page.request.post(`/api/v1/orgs/${orgId}/invitations`, { data: { role: 'REVIEWER' }, headers: { origin } });
  const token = ((await inv.json()) as { url: string }).url.split('/invite/')[1]!;
  const reviewer = newAccount('Reviewer');
  const ctxB = await browser.newContext();
  const b = await ctxB.newPage();
  expect((await b.request.post('/api/v1/signup', { data: { name: reviewer.name, email: reviewer.email, password: reviewer.password, invitationToken: token } })).status()).toBe(201);
  await b.goto('/signin');
  await b.getByLabel('Email').fill(reviewer.email);
  await b.getByLabel('Password').fill(reviewer.password);
  await b.getByRole('button', { name: 'Sign in' }).click();
  await expect(b.getByRole('navigation', { name: 'Organisation' })).toBeVisible();

  await page.goto(editor);
  await b.goto(editor);
  await expect(count(page)).toHaveText('0');
  await expect(count(b)).toHaveText('0');

  // Live: A's stroke appears for B, B's for A; each sees the other's cursor
  await page.getByRole('button', { name: /2 · Nucleus/ }).click();
  await stroke(page, [0.3, 0.3], [0.45, 0.35]);
  await saved(page);
  await expect(count(b)).toHaveText('1', { timeout: 5_000 });
  await b.getByRole('button', { name: 'Brush' }).click();
  await b.keyboard.press('1'); // Background, by its number key
  await expect(b.getByRole('button', { name: /1 · Background/ })).toHaveAttribute('aria-pressed', 'true');
  await stroke(b, [0.6, 0.6], [0.8, 0.65]);
  await saved(b);
  await expect(count(page)).toHaveText('2', { timeout: 5_000 });
  const box = (await page.getByTestId('annotation-overlay').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(300);
  await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 + 10);
  await expect(b.getByTestId('presence-list')).toContainText(owner.name, { timeout: 5_000 });

  // Offline: A keeps drawing; the strokes wait in A's browser, then sync in order once A is back
  await page.context().setOffline(true);
  await stroke(page, [0.2, 0.7], [0.3, 0.75]);
  await stroke(page, [0.5, 0.2], [0.55, 0.3]);
  await stroke(page, [0.7, 0.3], [0.75, 0.4]);
  await expect(page.getByTestId('sync-status')).toContainText('waiting', { timeout: 10_000 });
  await expect(count(page)).toHaveText('5');
  await stroke(b, [0.1, 0.1], [0.15, 0.2]); // B draws meanwhile
  await saved(b);
  await expect(count(b)).toHaveText('3');
  await page.context().setOffline(false);
  await saved(page);
  await expect(count(page)).toHaveText('6', { timeout: 15_000 });
  await expect(count(b)).toHaveText('6', { timeout: 15_000 });

  // Undo removes A's last stroke for both; redo brings it back
  await page.keyboard.press('Control+z');
  await saved(page);
  await expect(count(b)).toHaveText('5', { timeout: 5_000 });
  await page.keyboard.press('Control+Shift+z');
  await saved(page);
  await expect(count(b)).toHaveText('6', { timeout: 5_000 });

  // A reload shows everything, exactly once
  await b.reload();
  await expect(count(b)).toHaveText('6');
  const list = await page.request.get(`/api/v1/orgs/${orgId}/images/${imageId}/annotations`);
  const ids = ((await list.json()) as { annotations: { id: string }[] }).annotations.map((a) => a.id);
  expect(new Set(ids).size).toBe(6);

  // Review: A submits, B requests changes with a comment pinned to the last place B clicked, A resubmits, B approves
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(b.getByTestId('review-status')).toHaveText('Submitted for review', { timeout: 5_000 });
  await b.getByLabel(/Comment/).fill('Please also label the nucleus at the bottom');
  await b.getByRole('button', { name: 'Request changes' }).click();
  await expect(page.getByTestId('review-status')).toHaveText('Changes requested', { timeout: 5_000 });
  await expect(page.getByTestId('comment-pin')).toContainText('Please also label', { timeout: 5_000 });
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(b.getByTestId('review-status')).toHaveText('Submitted for review', { timeout: 5_000 });
  await b.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('review-status')).toHaveText('Approved', { timeout: 5_000 });
  await page.goto(`/o/${orgId}/review`);
  await expect(page.getByTestId('review-row-status').first()).toHaveText('Approved');
  await ctxB.close();
});

test('the dataset list shows each image\'s review status and annotation count; the review page exports label masks as a ZIP', async ({ page }) => {
  test.setTimeout(120_000);
  const orgId = await signUpWithOrg(page, newAccount('Curator'), `Dataset Lab ${uniq()}`);
  const origin = new URL(page.url()).origin;
  const p = await page.request.post(`/api/v1/orgs/${orgId}/projects`, {
    data: { name: `Status ${uniq()}`, kind: 'SEMANTIC', labelClasses: [{ name: 'Background', color: '#3366ff' }, { name: 'Nucleus', color: '#ff3300' }] },
    headers: { origin },
  });
  const projectId = ((await p.json()) as { id: string }).id;
  const images = `/o/${orgId}/projects/${projectId}/images`;
  await page.goto(images);
  await page.getByLabel('Choose image files to upload').setInputFiles(bbbcFile);
  await expect(page.getByTestId('image-status').first()).toHaveAttribute('data-status', 'READY', { timeout: 90_000 });
  const card = page.getByTestId('image-card').first();
  await expect(card.getByTestId('annotation-status')).toHaveText('Not started');

  const viewer = (await card.getByRole('link').first().getAttribute('href'))!;
  await page.goto(`${viewer}/annotate`);
  await page.getByRole('button', { name: /2 · Nucleus/ }).click();
  await stroke(page, [0.3, 0.3], [0.45, 0.35]);
  await stroke(page, [0.6, 0.6], [0.7, 0.65]);
  await saved(page);
  await expect(count(page)).toHaveText('2');

  await page.goto(images);
  await expect(card.getByTestId('annotation-status')).toHaveText(/^In progress\s*2 annotations$/);
  await expect(card.getByTestId('annotation-status')).toHaveAttribute('data-review', 'IN_PROGRESS');
  await page.getByRole('button', { name: 'List' }).click();
  await expect(page.getByTestId('image-row').first().getByTestId('annotation-status')).toHaveText(/^In progress\s*2 annotations$/);

  await page.goto(`/o/${orgId}/review`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Label masks (ZIP)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^Status_\w+_labels\.zip$/);
  await page.getByLabel('Approved images only').check();
  await page.getByRole('button', { name: 'Label masks (ZIP)' }).click();
  await expect(page.getByText(/No approved image of this project has annotations/)).toBeVisible();
});
