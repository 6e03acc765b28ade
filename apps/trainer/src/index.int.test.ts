import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@tessera/db';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '@tessera/testing';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const db = createDb(TEST_DATABASE_URL);
afterAll(() => db.$disconnect());

function startTrainer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/trainer/src/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: TEST_DATABASE_URL, REDIS_URL: TEST_REDIS_URL, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

describe('apps/trainer process', () => {
  it('starts, writes its heartbeat, and exits 0 on SIGTERM marking itself stopped', async () => {
    const t = startTrainer({});
    let beat = null;
    for (let i = 0; i < 100 && !beat; i++) {
      await new Promise((r) => setTimeout(r, 200));
      beat = await db.workerHeartbeat.findFirst({ where: { kind: 'trainer', pid: t.child.pid } });
    }
    expect(beat, t.output()).not.toBeNull();
    t.child.kill('SIGTERM');
    expect(await t.exited).toBe(0);
    expect((await db.workerHeartbeat.findUniqueOrThrow({ where: { id: beat!.id } })).stoppedAt).not.toBeNull();
  });

  it('refuses an invalid environment with a message naming the variable', async () => {
    const t = startTrainer({ TRAINER_CONCURRENCY: 'lots' });
    expect(await t.exited).not.toBe(0);
    expect(t.output()).toMatch(/TRAINER_CONCURRENCY/);
  });
});
