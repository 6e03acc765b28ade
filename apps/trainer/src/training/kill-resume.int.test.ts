import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@tessera/db';
import { closeQueues, createRedis, enqueue, TRAIN_MODEL } from '@tessera/jobs';
import { createStorage } from '@tessera/storage';
import { TEST_DATABASE_URL, TEST_REDIS_URL, TEST_S3_CONFIG } from '@tessera/testing';
import { seedTrainingRun } from './test-fixtures';
import { runTrainingJob } from './train-run';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const db = createDb(TEST_DATABASE_URL);
const storage = createStorage({ ...TEST_S3_CONFIG });
const connection = createRedis(TEST_REDIS_URL);
afterAll(async () => {
  await closeQueues();
  connection.disconnect();
  await db.$disconnect();
});

const settings = { modelType: 'semantic' as const, advanced: { steps: 80, batch: 4, patch: 64, seed: 11, checkpointEvery: 10, validateEvery: 40, validationFraction: 0.2 } };

function startTrainer() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/trainer/src/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env, DATABASE_URL: TEST_DATABASE_URL, REDIS_URL: TEST_REDIS_URL, S3_ENDPOINT: TEST_S3_CONFIG.endpoint, S3_BUCKET: TEST_S3_CONFIG.bucket,
      TRAINER_THREADS: '1', TRAINER_LOCK_MS: '2000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  return { child, exited, output: () => output };
}

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs: number, out: () => string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${out()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a trainer killed mid-run (kill -9)', () => {
  it('resumes from its last checkpoint on the next worker and ends with the weights of an uninterrupted run', async () => {
    const { org, run } = await seedTrainingRun(db, storage, { settings });
    const first = startTrainer();
    await enqueue(connection, TRAIN_MODEL, { organizationId: org.id, trainingRunId: run.id }, { jobId: run.id });
    const atKill = await until('a checkpoint past step 20', async () => {
      const r = await db.trainingRun.findUniqueOrThrow({ where: { id: run.id } });
      return r.checkpointStep >= 20 && r.step < 60 ? r : null;
    }, 120_000, first.output);
    first.child.kill('SIGKILL');
    await first.exited;
    const lastStep = (await db.trainingRunPoint.aggregate({ where: { runId: run.id }, _max: { step: true } }))._max.step ?? 0;
    expect(atKill.status).toBe('RUNNING');

    const second = startTrainer();
    try {
      const done = await until('the run to finish on the second worker', async () => {
        const r = await db.trainingRun.findUniqueOrThrow({ where: { id: run.id } });
        return r.status !== 'RUNNING' && r.status !== 'QUEUED' ? r : null;
      }, 120_000, () => first.output() + second.output());
      expect(done, second.output()).toMatchObject({ status: 'SUCCEEDED', step: 80, resumeCount: 1 });
      expect(second.output()).toMatch(new RegExp(`resuming run ${run.id} from step \\d+`));
      const resumedFrom = Number(/from step (\d+)/.exec(second.output())![1]);
      // At most the steps since the last checkpoint were lost.
      expect(resumedFrom).toBeGreaterThanOrEqual(atKill.checkpointStep);
      expect(lastStep - resumedFrom).toBeLessThanOrEqual(settings.advanced.checkpointEvery + 10);
      const steps = (await db.trainingRunPoint.findMany({ where: { runId: run.id }, orderBy: { step: 'asc' }, select: { step: true } })).map((p) => p.step);
      expect(steps).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));

      // The same inputs trained without interruption give bit-identical weights.
      const ref = await seedTrainingRun(db, storage, { settings });
      const r = await runTrainingJob({ db, storage, execution: { threads: 1, providers: ['cpu'] }, workerId: 'ref', progressIntervalMs: 1000 }, { organizationId: ref.org.id, trainingRunId: ref.run.id });
      expect((done.metrics as { onnxSha256: string }).onnxSha256).toBe((r as unknown as { onnxSha256: string }).onnxSha256);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
