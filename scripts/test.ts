/**
 * `npm test`: typecheck, lint, unit tests, integration tests (real Postgres, Redis, S3) and browser tests
 * (Playwright in Debian's Chromium). Runs every stage, then prints a summary and "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_DATABASE_URL } from '@tessera/db';
import { DEFAULT_REDIS_URL } from '@tessera/jobs';
import { ROOT } from './lib/platform';
import { requireServices } from './lib/services';
import { buildWebIfStale } from './lib/build-web';

await requireServices(process.env.TEST_DATABASE_URL ?? DEFAULT_DATABASE_URL, process.env.TEST_REDIS_URL ?? DEFAULT_REDIS_URL);

const REPORTS = path.join(ROOT, '.data', 'test-reports');
rmSync(REPORTS, { recursive: true, force: true });
const results: { stage: string; ok: boolean; seconds: number }[] = [];
let passed = 0;
let failed = 0;

function stage(name: string, cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  console.log(`\n━━ ${name}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: opts.cwd ?? ROOT, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '1', ...opts.env } });
  results.push({ stage: name, ok: r.status === 0, seconds: (Date.now() - t0) / 1000 });
  return r.status === 0;
}

function countVitest(file: string) {
  if (!existsSync(file)) return;
  const j = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number };
  passed += j.numPassedTests;
  failed += j.numFailedTests;
}

function countPlaywright(file: string) {
  if (!existsSync(file)) return;
  const j = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number } };
  passed += j.stats.expected + j.stats.flaky;
  failed += j.stats.unexpected;
}

const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

stage('typecheck', bin('turbo'), ['run', 'typecheck', '--output-logs=errors-only', '--concurrency=2']);
stage('lint', bin('eslint'), ['.', '--max-warnings=0']);
for (const project of ['unit', 'int']) {
  const out = path.join(REPORTS, `${project}.json`);
  stage(`${project} tests`, bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  countVitest(out);
}
try {
  buildWebIfStale((l) => console.log(l));
  const out = path.join(REPORTS, 'e2e.json');
  stage('browser tests', bin('playwright'), ['test', '--config', 'apps/web/playwright.config.ts', '--reporter=list,json'], {
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: out },
  });
  countPlaywright(out);
} catch (e) {
  console.error((e as Error).message);
  results.push({ stage: 'browser tests', ok: false, seconds: 0 });
}

console.log('\n━━ Summary');
for (const r of results) console.log(`${r.ok ? '✔' : '✖'} ${r.stage.padEnd(16)} ${r.seconds.toFixed(0)} s`);
const allOk = results.every((r) => r.ok);
if (!allOk && failed === 0) failed = results.filter((r) => !r.ok).length;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(allOk ? 0 : 1);
