/**
 * Makes docs/screenshot.png (the projects page of a small demo organisation) for the README.
 * Run against a running platform: `npx tsx apps/web/scripts/e2e-server.ts` (after `next build`), then
 * `npx tsx apps/web/e2e/take-screenshot.ts [baseUrl]` from the repo root.
 */
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const BASE = process.argv[2] ?? 'http://127.0.0.1:3100';
const OUT = fileURLToPath(new URL('../docs/screenshot.png', import.meta.url));
const id = Date.now().toString(36);

const PROJECTS = [
  { name: 'HeLa nuclei', kind: 'INSTANCE', description: 'Instance segmentation of Hoechst-stained nuclei, 40× widefield.', labelClasses: [['Nucleus', '#0072b2'], ['Mitotic', '#d55e00'], ['Background', '#999999']] },
  { name: 'Mouse brain sections', kind: 'SEMANTIC', description: 'Cortical layers and white matter in Nissl-stained coronal sections.', labelClasses: [['Layer I', '#e69f00'], ['Layer II/III', '#56b4e9'], ['Layer IV', '#009e73'], ['Layer V', '#f0e442'], ['White matter', '#cc79a7'], ['Background', '#999999']] },
  { name: 'SEM mitochondria', kind: 'SEMANTIC', description: 'Mitochondria and membranes in serial-section electron microscopy.', labelClasses: [['Mitochondrion', '#009e73'], ['Membrane', '#0072b2']] },
  { name: 'Organoid brightfield', kind: 'INSTANCE', description: 'Intestinal organoids in brightfield time-lapse, for growth tracking.', labelClasses: [['Organoid', '#e69f00'], ['Debris', '#999999']] },
] as const;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, baseURL: BASE });
await page.goto('/signup');
await page.getByLabel('Your name').fill('Ada Lovelace');
await page.getByLabel('Email').fill(`ada-${id}@example.test`);
await page.getByLabel('Password').fill('correct horse battery');
await page.getByLabel('Organisation name').fill('Imaging Core Facility');
await page.getByRole('button', { name: 'Create account' }).click();
await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
const orgId = /\/o\/([^/]+)\/projects/.exec(page.url())?.[1];
if (!orgId) throw new Error(`unexpected URL ${page.url()}`);
for (const p of PROJECTS) {
  // Through the page's own fetch: the API refuses cookie-authenticated writes without a same-site Origin.
  const body = { name: p.name, kind: p.kind, description: p.description, labelClasses: p.labelClasses.map(([name, color]) => ({ name, color })) };
  const status = await page.evaluate(
    async ([url, json]) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json })).status,
    [`/api/v1/orgs/${orgId}/projects`, JSON.stringify(body)] as const,
  );
  if (status !== 201) throw new Error(`create project ${p.name}: HTTP ${status}`);
}
await page.reload();
await page.getByRole('link', { name: 'HeLa nuclei' }).waitFor();
await page.screenshot({ path: OUT });
await browser.close();
console.log(`wrote ${OUT}`);
