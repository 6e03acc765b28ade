import type { Geometry } from '@tessera/annotations';
import { AnnotationStore } from './annotation-store';
import { MODE_HANDLERS, type Draft, type ModeAction, type PointerInput } from './modes';
import { OpQueue, type QueueStorage, type SendBatch } from './op-queue';
import { UndoStack } from './undo-stack';
import { newId, type ClassStyle, type EditorAnnotation, type EditorEvent, type EditorMode, type OpInput, type OpResult } from './types';

export interface EditorEngineOptions {
  userId: string;
  classes: ClassStyle[];
  instanceProject: boolean;
  storage: QueueStorage;
  send: SendBatch;
  readOnly?: boolean;
}

const TOOL_KEYS: Record<string, EditorMode> = { v: 'pan', b: 'brush', e: 'eraser', p: 'polygon', f: 'fill' };

/**
 * The annotation editor without React: tools (one handler per mode), optimistic local state, per-user undo/redo,
 * the durable outbox and remote ops. The wrapper forwards pointer/keyboard input and draws from `store`.
 */
export class EditorEngine {
  readonly store = new AnnotationStore();
  readonly undo = new UndoStack();
  readonly queue: OpQueue;
  mode: EditorMode = 'brush';
  classId: string | null;
  classes: ClassStyle[];
  /** Brush diameter in screen pixels. */
  brushSize = 16;
  instanceMode: boolean;
  draft: Draft | null = null;
  private readonly listeners = new Set<(e: EditorEvent) => void>();

  constructor(private readonly o: EditorEngineOptions) {
    this.classes = o.classes;
    this.classId = o.classes.find((c) => !/^background$/i.test(c.name))?.id ?? o.classes[0]?.id ?? null;
    this.instanceMode = o.instanceProject;
    this.queue = new OpQueue({
      storage: o.storage,
      send: o.send,
      onResult: (op, r) => this.onResult(op, r),
      onState: (s) => this.emit({ type: 'queue', ...s }),
    });
  }

  subscribe(fn: (e: EditorEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Initial state from the server, plus whatever this browser still has queued (shown as pending). */
  load(annotations: readonly EditorAnnotation[]): void {
    this.store.reset(annotations);
    for (const op of this.queue.pending) this.showLocally(op);
    this.emit({ type: 'changed' });
    void this.queue.flush();
  }

  /** An op from the live stream (ours or someone else's). */
  applyRemote(a: EditorAnnotation): void {
    if (this.store.applyServer(a)) this.emit({ type: 'changed' });
  }

  setMode(mode: EditorMode): void {
    this.mode = mode;
    this.draft = null;
    this.emit({ type: 'mode', mode });
  }

  setClass(id: string): void {
    this.classId = id;
    this.emit({ type: 'changed' });
  }

  setBrushSize(px: number): void {
    this.brushSize = Math.min(400, Math.max(1, px));
    this.emit({ type: 'changed' });
  }

  setClassStyle(id: string, patch: Partial<Pick<ClassStyle, 'opacity' | 'visible'>>): void {
    this.classes = this.classes.map((c) => (c.id === id ? { ...c, ...patch } : c));
    this.store.invalidateAll();
    this.emit({ type: 'changed' });
  }

  /** Returns true when the editor used the event (the viewer should not pan). */
  pointer(e: PointerInput, zoom: number): boolean {
    if (this.o.readOnly || this.mode === 'pan') return false;
    if (e.type === 'down' && e.button !== 0) return false;
    const wasDrafting = this.draft !== null;
    const ctx = { store: this.store, zoom, brushSize: this.brushSize, instanceMode: this.instanceMode };
    const r = MODE_HANDLERS[this.mode].pointer(e, ctx, this.draft);
    this.draft = r.draft;
    this.run(r.action);
    return e.type === 'down' || wasDrafting;
  }

  /** Keyboard: 1–9 pick a class, v/b/e/p/f tools, [ ] brush size, i instance mode, Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y). */
  key(ev: { key: string; ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean }, zoom = 1): boolean {
    const mod = ev.ctrlKey || ev.metaKey;
    const k = ev.key.toLowerCase();
    if (mod && k === 'z') return ev.shiftKey ? this.redo() : this.undoLast();
    if (mod && k === 'y') return this.redo();
    if (mod) return false;
    if (/^[1-9]$/.test(ev.key)) {
      const c = this.classes[Number(ev.key) - 1];
      if (c) this.setClass(c.id);
      return !!c;
    }
    if (TOOL_KEYS[k]) {
      this.setMode(TOOL_KEYS[k]!);
      return true;
    }
    if (k === '[' || k === ']') {
      this.setBrushSize(Math.round(this.brushSize * (k === ']' ? 1.25 : 0.8)));
      return true;
    }
    if (k === 'i') {
      this.instanceMode = !this.instanceMode;
      this.emit({ type: 'changed' });
      return true;
    }
    const handler = MODE_HANDLERS[this.mode];
    if (handler.key && (k === 'escape' || k === 'enter')) {
      const r = handler.key(ev.key, { store: this.store, zoom, brushSize: this.brushSize, instanceMode: this.instanceMode }, this.draft);
      this.draft = r.draft;
      this.run(r.action);
      this.emit({ type: 'changed' });
      return true;
    }
    return false;
  }

  undoLast(): boolean {
    const u = this.undo.undo((id) => this.store.lookup(id));
    if (!u) return false;
    this.send(u.op, false);
    return true;
  }

  redo(): boolean {
    const u = this.undo.redo((id) => this.store.lookup(id));
    if (!u) return false;
    this.send(u.op, false);
    return true;
  }

  /** Creates an object directly (tests, benchmarks, imports). */
  create(kind: EditorAnnotation['kind'], geometry: Geometry, fillHoles = false, labelClassId = this.classId): string {
    const id = newId();
    this.send({ type: 'create', key: newId(), annotation: { id, kind, labelClassId: kind === 'eraser' ? null : labelClassId, geometry, fillHoles } }, true);
    return id;
  }

  private run(action: ModeAction) {
    if (action.type === 'commit') {
      if (action.kind !== 'eraser' && !this.classId) {
        this.emit({ type: 'refused', message: 'Pick a label class first.' });
        return;
      }
      this.create(action.kind, action.geometry, action.fillHoles);
    } else if (action.type === 'fill') {
      const a = this.store.get(action.annotationId);
      if (a) this.send({ type: 'update', key: newId(), annotationId: a.id, baseVersion: a.version, patch: { fillHoles: !a.fillHoles } }, true);
    }
    this.emit({ type: 'changed' });
  }

  private send(op: OpInput, record: boolean) {
    const before = op.type === 'create' ? null : (this.store.lookup(op.annotationId) ?? null);
    const after = this.showLocally(op);
    if (!after) return;
    if (record) this.undo.record({ before, after });
    this.queue.enqueue(op);
    this.emit({ type: 'changed' });
  }

  /** The state the op will produce (the server bumps the version by exactly one per op). */
  private showLocally(op: OpInput): EditorAnnotation | null {
    if (op.type === 'create') {
      const a = op.annotation;
      const after: EditorAnnotation = { id: a.id, kind: a.kind, labelClassId: a.labelClassId ?? null, geometry: a.geometry, fillHoles: a.fillHoles ?? false, zOrder: 0, version: 1, authorId: this.o.userId, deleted: false };
      this.store.applyLocal(after);
      return after;
    }
    const cur = this.store.lookup(op.annotationId);
    if (!cur) return null;
    const after: EditorAnnotation = { ...cur, version: op.baseVersion + 1, deleted: op.type === 'delete' ? true : op.type === 'restore' ? false : cur.deleted };
    if (op.type === 'update') Object.assign(after, { geometry: op.patch.geometry ?? cur.geometry, fillHoles: op.patch.fillHoles ?? cur.fillHoles, labelClassId: op.patch.labelClassId ?? cur.labelClassId });
    this.store.applyLocal(after);
    return after;
  }

  private onResult(op: OpInput, r: OpResult) {
    if (r.annotation) this.store.applyServer(r.annotation);
    else if (r.status === 'rejected' && op.type === 'create') this.store.remove(op.annotation.id);
    if (r.status === 'conflict' || r.status === 'rejected') {
      this.emit({ type: 'refused', message: r.message ?? 'The change was refused.', annotationId: op.type === 'create' ? op.annotation.id : op.annotationId });
    }
    this.emit({ type: 'changed' });
  }

  private emit(e: EditorEvent) {
    for (const l of this.listeners) l(e);
  }
}
