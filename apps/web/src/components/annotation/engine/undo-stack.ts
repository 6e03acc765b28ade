import type { EditorAnnotation, OpInput } from './types';
import { newId } from './types';

/** What one of the user's own ops did, enough to invert it. */
export interface UndoEntry {
  before: EditorAnnotation | null;
  after: EditorAnnotation;
}

/**
 * Per-user undo/redo: only this user's own changes, each undone by a new op (so it is durable, ordered and
 * versioned like any other: an undo of an object someone else changed since is refused, not forced).
 */
export class UndoStack {
  private readonly done: UndoEntry[] = [];
  private readonly undone: UndoEntry[] = [];

  constructor(private readonly limit = 200) {}

  record(e: UndoEntry): void {
    this.done.push(e);
    if (this.done.length > this.limit) this.done.shift();
    this.undone.length = 0;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** The op that reverts the last change, given the object's current state (or null when nothing to undo). */
  undo(current: (id: string) => EditorAnnotation | undefined): { op: OpInput; entry: UndoEntry } | null {
    const e = this.done.pop();
    if (!e) return null;
    this.undone.push(e);
    return { op: invert(e.before, current(e.after.id) ?? e.after), entry: e };
  }

  redo(current: (id: string) => EditorAnnotation | undefined): { op: OpInput; entry: UndoEntry } | null {
    const e = this.undone.pop();
    if (!e) return null;
    this.done.push(e);
    return { op: invert(e.after, current(e.after.id) ?? e.after), entry: e };
  }
}

/** The op that takes `now` (at the version the server will have) back or forward to `target`. */
function invert(target: EditorAnnotation | null, now: EditorAnnotation): OpInput {
  const base = { key: newId(), annotationId: now.id, baseVersion: now.version };
  if (!target || target.deleted) return { type: 'delete', ...base };
  if (now.deleted) return { type: 'restore', ...base };
  return { type: 'update', ...base, patch: { geometry: target.geometry, fillHoles: target.fillHoles, ...(target.labelClassId ? { labelClassId: target.labelClassId } : {}) } };
}
