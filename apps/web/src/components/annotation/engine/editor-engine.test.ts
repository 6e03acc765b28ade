import { describe, expect, it } from 'vitest';
import { EditorEngine } from './editor-engine';
import { memoryQueueStorage } from './op-queue';
import type { EditorAnnotation, OpInput, OpResult } from './types';

/** A fake server with the real rules: versions +1 per op, conflicts on stale versions, idempotent keys. */
function fakeServer() {
  const rows = new Map<string, EditorAnnotation>();
  const keys = new Map<string, OpResult>();
  let seq = 0;
  const send = async (ops: readonly OpInput[]): Promise<OpResult[]> =>
    ops.map((op) => {
      const dup = keys.get(op.key);
      if (dup) return { ...dup, status: 'duplicate' };
      let a: EditorAnnotation;
      if (op.type === 'create') {
        a = { ...op.annotation, labelClassId: op.annotation.labelClassId ?? null, fillHoles: !!op.annotation.fillHoles, zOrder: ++seq, version: 1, authorId: 'u', deleted: false };
      } else {
        const cur = rows.get(op.annotationId)!;
        if (cur.version !== op.baseVersion) return { key: op.key, status: 'conflict', annotation: cur, message: 'changed meanwhile' };
        a = { ...cur, version: cur.version + 1, deleted: op.type === 'delete' ? true : op.type === 'restore' ? false : cur.deleted, ...(op.type === 'update' ? { geometry: op.patch.geometry ?? cur.geometry, fillHoles: op.patch.fillHoles ?? cur.fillHoles } : {}) };
        ++seq;
      }
      rows.set(a.id, a);
      const r: OpResult = { key: op.key, status: 'applied', seq, annotation: a };
      keys.set(op.key, r);
      return r;
    });
  return { rows, send };
}

const classes = [{ id: 'bg', name: 'Background', color: '#333333', opacity: 0.5, visible: true }, { id: 'nuc', name: 'Nucleus', color: '#ff0000', opacity: 0.5, visible: true }];
const make = (server = fakeServer()) => ({ server, engine: new EditorEngine({ userId: 'u', classes, instanceProject: false, storage: memoryQueueStorage(), send: server.send }) });
const down = (x: number, y: number) => ({ type: 'down' as const, image: { x, y }, button: 0 });
const move = (x: number, y: number) => ({ type: 'move' as const, image: { x, y }, button: 0 });
const up = (x: number, y: number) => ({ type: 'up' as const, image: { x, y }, button: 0 });

describe('EditorEngine', () => {
  it('a brush stroke is zoom-aware, shown at once, saved through the queue and confirmed by the server', async () => {
    const { server, engine } = make();
    engine.setBrushSize(20);
    expect(engine.pointer(down(10, 10), 4)).toBe(true);
    engine.pointer(move(20, 10), 4);
    engine.pointer(up(30, 10), 4);
    const [a] = engine.store.all();
    expect(a).toMatchObject({ kind: 'brush', labelClassId: 'nuc', geometry: { type: 'polyline', width: 5 } });
    await engine.queue.flush();
    expect(server.rows.get(a!.id)).toMatchObject({ version: 1, zOrder: 1 });
    expect(engine.store.get(a!.id)).toMatchObject({ pending: false, zOrder: 1 });
  });

  it('number keys pick classes; tool keys switch modes; polygon closes on Enter', async () => {
    const { server, engine } = make();
    engine.key({ key: '1' });
    engine.key({ key: 'p' });
    expect(engine.mode).toBe('polygon');
    for (const [x, y] of [[0, 0], [10, 0], [10, 10]] as const) engine.pointer(down(x, y), 1);
    engine.key({ key: 'Enter' });
    await engine.queue.flush();
    expect([...server.rows.values()]).toEqual([expect.objectContaining({ kind: 'polygon', labelClassId: 'bg', geometry: { type: 'polygon', rings: [[0, 0, 10, 0, 10, 10]] } })]);
  });

  it('undo/redo are ops of their own: delete, restore, and back to the old geometry', async () => {
    const { server, engine } = make();
    const id = engine.create('brush', { type: 'polyline', points: [1, 1, 5, 5], width: 2 });
    await engine.queue.flush();
    engine.key({ key: 'z', ctrlKey: true });
    await engine.queue.flush();
    expect(server.rows.get(id)).toMatchObject({ deleted: true, version: 2 });
    expect(engine.store.get(id)).toBeUndefined();
    engine.key({ key: 'z', ctrlKey: true, shiftKey: true });
    await engine.queue.flush();
    expect(server.rows.get(id)).toMatchObject({ deleted: false, version: 3 });
    expect(engine.store.get(id)).toBeDefined();
  });

  it('an undo of an object someone else changed meanwhile is refused, not forced', async () => {
    const { server, engine } = make();
    const id = engine.create('brush', { type: 'polyline', points: [1, 1], width: 2 });
    await engine.queue.flush();
    server.rows.set(id, { ...server.rows.get(id)!, version: 2, geometry: { type: 'polyline', points: [9, 9], width: 2 } });
    const refused: string[] = [];
    engine.subscribe((e) => e.type === 'refused' && refused.push(e.message));
    engine.undoLast();
    await engine.queue.flush();
    expect(refused).toEqual(['changed meanwhile']);
    expect(server.rows.get(id)!.deleted).toBe(false);
    expect(engine.store.get(id)).toMatchObject({ version: 2, geometry: { points: [9, 9] } });
  });

  it('remote ops: newer versions win, stale ones are ignored', () => {
    const { engine } = make();
    const a: EditorAnnotation = { id: 'x', kind: 'polygon', labelClassId: 'nuc', geometry: { type: 'polygon', rings: [[0, 0, 4, 0, 4, 4]] }, fillHoles: false, zOrder: 3, version: 2, authorId: 'o', deleted: false };
    engine.applyRemote(a);
    engine.applyRemote({ ...a, version: 1, labelClassId: 'bg' });
    expect(engine.store.get('x')!.labelClassId).toBe('nuc');
    engine.applyRemote({ ...a, version: 3, deleted: true });
    expect(engine.store.get('x')).toBeUndefined();
    expect(engine.store.query({ minX: 0, minY: 0, maxX: 10, maxY: 10 })).toEqual([]);
  });
});
