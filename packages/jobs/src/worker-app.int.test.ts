import { QueueEvents, Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@tessera/db';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '@tessera/testing';
import { PING_TRAINER, QUEUES, closeQueues, createRedis, enqueue, handlePing, startWorkerApp, type JobPayload } from './index';

const db = createDb(TEST_DATABASE_URL);
const connection = createRedis(TEST_REDIS_URL);

afterAll(async () => {
  await closeQueues();
  connection.disconnect();
  await db.$disconnect();
});

describe('worker app', () => {
  it('consumes its queue, validates payloads with the contract, writes a heartbeat and stops cleanly', async () => {
    const app = await startWorkerApp({
      kind: 'trainer-test',
      queues: [QUEUES.training],
      handlers: [{ def: PING_TRAINER, handle: (p) => handlePing('trainer-test', p as JobPayload<typeof PING_TRAINER>) }],
      db,
      redisUrl: TEST_REDIS_URL,
      concurrency: 1,
      log: () => undefined,
    });
    const events = new QueueEvents(QUEUES.training, { connection: createRedis(TEST_REDIS_URL) });
    await events.waitUntilReady();

    const job = await enqueue(connection, PING_TRAINER, { requestedBy: 'test', sentAt: new Date().toISOString() });
    const result = await job.waitUntilFinished(events, 10_000);
    expect(result).toMatchObject({ worker: 'trainer-test', pid: process.pid });

    // A payload that skipped enqueue()'s validation is still refused by the worker.
    const raw = await new Queue(QUEUES.training, { connection }).add(PING_TRAINER.name, { requestedBy: 42 });
    await expect(raw.waitUntilFinished(events, 10_000)).rejects.toThrow(/expected string/i);
    await expect(enqueue(connection, PING_TRAINER, { requestedBy: '', sentAt: 'yesterday' } as never)).rejects.toThrow();

    const beat = await db.workerHeartbeat.findFirstOrThrow({ where: { kind: 'trainer-test', pid: process.pid } });
    expect(beat.stoppedAt).toBeNull();
    expect(beat.queues).toEqual([QUEUES.training]);
    await app.stop();
    expect((await db.workerHeartbeat.findUniqueOrThrow({ where: { id: beat.id } })).stoppedAt).not.toBeNull();
    await events.close();
  });
});
