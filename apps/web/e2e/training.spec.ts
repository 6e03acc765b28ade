import { expect, test } from '@playwright/test';
import { createDb } from '@tessera/db';
import { createStorage, S3ConfigSchema } from '@tessera/storage';
import { ingestTestImage, testShapes } from '../../trainer/src/training/test-fixtures';
import { fillSignUp, newAccount, uniq } from './helpers';

// The e2e platform's services (apps/web/scripts/e2e-server.ts).
const db = createDb(process.env.E2E_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/tessera_e2e');
const storage = createStorage(S3ConfigSchema.parse({ endpoint: 'http://127.0.0.1:9312', bucket: 'tessera-e2e' }));

/** An ingested image with partial labels (Background strokes, three nuclei) in the project, as annotators would leave it. */
async function seedLabelledImage(orgId: string, projectId: string, userId: string) {
  const classes = await db.labelClass.findMany({ where: { projectId }, orderBy: { order: 'asc' } });
  const image = await ingestTestImage(db, storage, { id: orgId }, projectId, 'cells.png');
  for (const s of testShapes('semantic')) {
    await db.annotation.create({
      data: {
        id: `${image.id}-${s.id}`, organizationId: orgId, projectId, imageId: image.id, labelClassId: classes[s.classIndex - 1]!.id,
        kind: s.kind === 'brush' ? 'BRUSH' : 'POLYGON', geometry: s.geometry, zOrder: s.order, authorId: userId, updatedById: userId, minX: 0, minY: 0, maxX: 96, maxY: 80,
      },
    });
  }
}

test('train from the UI: the loss chart moves, one run is cancelled, another finishes and shows the prediction overlay', async ({ page }) => {
  test.setTimeout(240_000);
  const owner = newAccount('Trainer');
  await page.goto('/signup');
  await fillSignUp(page, owner, `Train Lab ${uniq()}`);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('button', { name: 'New project' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  const projectName = `Nuclei ${uniq()}`;
  await dialog.getByLabel('Name', { exact: true }).fill(projectName);
  await dialog.getByLabel('Class 1 name').fill('Background');
  await dialog.getByRole('button', { name: 'Add class' }).click();
  await dialog.getByLabel('Class 2 name').fill('Nucleus');
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: projectName })).toBeVisible();
  const [, , orgId, , projectId] = new URL(page.url()).pathname.split('/');
  const user = await db.user.findUniqueOrThrow({ where: { email: owner.email } });
  await seedLabelledImage(orgId!, projectId!, user.id);

  const startRun = async (steps: number) => {
    await page.getByRole('link', { name: 'Training →' }).click();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const train = page.getByRole('dialog', { name: 'Train a model' });
    await expect(train.getByRole('region', { name: 'Checks before training' })).not.toContainText('Checking');
    await train.getByLabel('Advanced settings').check();
    await train.getByLabel('Steps').fill(String(steps));
    await train.getByLabel('Seed').fill('7');
    await train.getByRole('button', { name: 'Start training' }).click();
    await expect(page.getByTestId('run-status')).toBeVisible();
  };

  // A long run: the chart moves while it trains, then it is cancelled.
  await startRun(20_000);
  const chart = page.getByTestId('loss-chart');
  await expect(chart).toBeVisible({ timeout: 60_000 });
  const first = Number(await chart.getAttribute('data-points'));
  await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 30_000 }).toBeGreaterThan(first);
  await page.getByRole('button', { name: 'Cancel run' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('cancelled', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();

  // A short run finishes: a model version and the prediction overlay.
  await page.getByRole('link', { name: '← Training runs' }).click();
  await page.goto(`/o/${orgId}/projects/${projectId}`);
  await startRun(60);
  await expect(page.getByTestId('run-status')).toHaveText('succeeded', { timeout: 120_000 });
  const overlay = page.getByTestId('prediction-overlay').first();
  await expect(overlay).toBeVisible();
  await expect.poll(() => overlay.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(96);
  await expect(page.getByRole('button', { name: 'Apply to dataset' })).toBeVisible();
});

test.afterAll(() => db.$disconnect());
