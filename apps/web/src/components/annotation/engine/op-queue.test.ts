import { describe, expect, it } from 'vitest';
import { BatchRefused, OpQueue, memoryQueueStorage } from './op-queue';
import type { OpInput, OpResult } from './types';

const op = (n: number): OpInput => ({
  type: 'create',
  key: `key-${n}`,
  annotation: { id: `id-${n}`, kind: 'brush', labelClassId: 'c', geometry: { type: 'polyline', points: [n, n], width: 2 } },
});
const applied = (ops: readonly OpInput[]): OpResult[] => ops.map((o, i) => ({ key: o.key, status: 'applied', seq: i + 1 }));

describe('OpQueue', () => {
  it('keeps ops in storage until the server answered, then sends the backlog in order after an outage, once', async () => {
    const storage = memoryQueueStorage();
    const server: string[] = [];
    let up = false;
    const timers: (() => void)[] = [];
    const results: string[] = [];
    const q = new OpQueue({
      storage,
      send: async (ops) => {
        if (!up) throw new TypeError('Failed to fetch');
        for (const o of ops) if (!server.includes(o.key)) server.push(o.key);
        return applied(ops);
      },
      onResult: (o, r) => results.push(`${o.key}:${r.status}`),
      setTimer: (fn) => timers.push(fn),
    });
    q.enqueue(op(1));
    q.enqueue(op(2));
    await q.flush();
    expect(q.online).toBe(false);
    expect(storage.saved.map((o) => o.key)).toEqual(['key-1', 'key-2']);
    // the tab reloads while offline: a new queue finds the ops in storage
    const q2 = new OpQueue({ storage, send: async (ops) => { if (!up) throw new TypeError('offline'); for (const o of ops) if (!server.includes(o.key)) server.push(o.key); return applied(ops); }, onResult: (o, r) => results.push(`${o.key}:${r.status}`), setTimer: (fn) => timers.push(fn) });
    q2.enqueue(op(3));
    await q2.flush();
    expect(server).toEqual([]);
    up = true;
    await q2.flush();
    expect(server).toEqual(['key-1', 'key-2', 'key-3']);
    expect(storage.saved).toEqual([]);
    expect(results).toEqual(['key-1:applied', 'key-2:applied', 'key-3:applied']);
  });

  it('an answer lost in transit is resent with the same key (the server reports a duplicate)', async () => {
    const storage = memoryQueueStorage();
    const seen = new Set<string>();
    let dropAnswer = true;
    const results: string[] = [];
    const q = new OpQueue({
      storage,
      send: async (ops) => {
        const r = ops.map((o) => ({ key: o.key, status: (seen.has(o.key) ? 'duplicate' : 'applied') as OpResult['status'] }));
        ops.forEach((o) => seen.add(o.key));
        if (dropAnswer) {
          dropAnswer = false;
          throw new TypeError('connection reset');
        }
        return r;
      },
      onResult: (o, r) => results.push(`${o.key}:${r.status}`),
      setTimer: () => undefined,
    });
    q.enqueue(op(1));
    await q.flush(); // the first attempt: stored on the server, answer lost
    expect(q.pending).toHaveLength(1);
    q.retryNow();
    await q.flush();
    expect(results).toEqual(['key-1:duplicate']);
    expect(seen.size).toBe(1);
  });

  it('a refused batch is split to find the bad op; the others still go through', async () => {
    const results: string[] = [];
    const q = new OpQueue({
      storage: memoryQueueStorage([op(1), op(2), op(3)]),
      send: async (ops) => {
        if (ops.some((o) => o.key === 'key-2')) throw new BatchRefused(400, 'bad points');
        return applied(ops);
      },
      onResult: (o, r) => results.push(`${o.key}:${r.status}`),
    });
    await q.flush();
    expect(results).toEqual(['key-1:applied', 'key-2:rejected', 'key-3:applied']);
  });
});
