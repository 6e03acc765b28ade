import '../../../test/setup-env';
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '@tessera/testing';
import { db } from '@/server/context';
import { OpQueue, memoryQueueStorage } from '@/components/annotation/engine/op-queue';
import type { OpInput, OpResult } from '@/components/annotation/engine/types';
import { annotationFixture, strokeOp } from './test-fixture';
import { killHard, spawnAnnotationServer } from './testing/spawn-server';

const PORT = 3291;
const env = { DATABASE_URL: TEST_DATABASE_URL, REDIS_URL: TEST_REDIS_URL, AUTH_SECRET: process.env.AUTH_SECRET!, API_RATE_LIMIT_PER_MIN: '100000' };
let server: ChildProcess | null = null;

afterAll(async () => {
  if (server) await killHard(server);
});

describe('durability across a killed and restarted web process', () => {
  it('every stroke sent while the server was killed (SIGKILL) and restarted is stored once, with its geometry', async () => {
    const f = await annotationFixture('SEMANTIC', { width: 512, height: 512 });
    server = await spawnAnnotationServer(env, PORT);
    const url = `http://127.0.0.1:${PORT}/api/v1/orgs/${f.orgId}/images/${f.imageId}/annotations/ops`;
    const headers = { cookie: f.members.ANNOTATOR!.auth.session, origin: `http://127.0.0.1:${PORT}`, 'content-type': 'application/json' };
    const acked: OpResult[] = [];
    let wentOffline = false;
    const queue = new OpQueue({
      storage: memoryQueueStorage(),
      send: async (ops: readonly OpInput[]) => {
        const r = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ ops }), signal: AbortSignal.timeout(5000) });
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return ((await r.json()) as { results: OpResult[] }).results;
      },
      onResult: (_op, r) => acked.push(r),
      onState: (st) => (st.online ? undefined : (wentOffline = true)),
      retryMs: () => 100,
      maxBatch: 5,
    });
    const N = 120;
    const sent: ReturnType<typeof strokeOp>[] = [];
    let restarted: Promise<void> | null = null;
    for (let i = 0; i < N; i++) {
      const op = strokeOp(f.nucleus, [i, i + 0.5, i + 10.25, i * 2, i + 20, 3], 2 + (i % 5));
      sent.push(op);
      queue.enqueue(op);
      if (i === 40) {
        // kill mid-stream (requests may be in flight) and come back 1.5 s later while strokes keep coming
        const s = server!;
        restarted = killHard(s).then(async () => {
          await new Promise((r) => setTimeout(r, 1500));
          server = await spawnAnnotationServer(env, PORT);
        });
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    await restarted;
    const deadline = Date.now() + 60_000;
    while (queue.pending.length > 0 && Date.now() < deadline) {
      queue.retryNow();
      await queue.flush();
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(queue.pending).toHaveLength(0);
    expect(wentOffline).toBe(true); // the kill was felt: sends failed and were retried
    expect(acked.every((r) => r.status === 'applied' || r.status === 'duplicate')).toBe(true);
    const rows = await db().annotation.findMany({ where: { imageId: f.imageId }, orderBy: { zOrder: 'asc' } });
    expect(rows).toHaveLength(N);
    expect(rows.map((r) => r.id)).toEqual(sent.map((o) => o.annotation.id)); // in the order they were drawn
    expect(rows.map((r) => r.geometry)).toEqual(sent.map((o) => o.annotation.geometry));
    const ops = await db().annotationOp.findMany({ where: { imageId: f.imageId }, orderBy: { seq: 'asc' } });
    expect(ops.map((o) => o.seq)).toEqual(Array.from({ length: N }, (_, i) => i + 1)); // once each, no gaps
  });
});
