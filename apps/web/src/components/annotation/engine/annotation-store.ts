import { geometryBounds, SpatialIndex, type Bounds } from '@tessera/annotations';
import type { EditorAnnotation } from './types';

/**
 * The editor's copy of an image's annotations: a map by id plus a spatial index, so rendering and hit tests only
 * touch what is in view. Server state wins by version; an unacknowledged local object (pending) stays on top.
 */
export class AnnotationStore {
  private readonly byId = new Map<string, EditorAnnotation>();
  /** Deleted objects, kept for their version (undo of a delete restores them). */
  private readonly tombstones = new Map<string, EditorAnnotation>();
  private readonly index = new SpatialIndex(256);
  private localZ = 0;
  /** Bumped on every change (renderers use it to know when to redraw). */
  revision = 0;
  /** Bounds touched since the last `takeDirty` (null = everything). */
  private dirty: Bounds[] | null = [];

  get size(): number {
    return this.byId.size;
  }

  get(id: string): EditorAnnotation | undefined {
    return this.byId.get(id);
  }

  /** Live or deleted: the last known state of an object. */
  lookup(id: string): EditorAnnotation | undefined {
    return this.byId.get(id) ?? this.tombstones.get(id);
  }

  all(): EditorAnnotation[] {
    return [...this.byId.values()];
  }

  /** Replaces everything (initial load). */
  reset(list: readonly EditorAnnotation[]): void {
    this.byId.clear();
    this.tombstones.clear();
    this.index.clear();
    for (const a of list) if (!a.deleted) this.put(a);
    this.dirty = null;
    this.revision++;
  }

  /** Applies a server state of an object: newer versions win; equal versions confirm a pending local object. */
  applyServer(a: EditorAnnotation): boolean {
    const cur = this.lookup(a.id);
    if (cur && !cur.pending && cur.version > a.version) return false;
    if (cur && !cur.pending && cur.version === a.version && cur.deleted === a.deleted) return false;
    if (a.deleted) this.drop(a.id, a);
    else this.put({ ...a, pending: false });
    this.revision++;
    return true;
  }

  /** An optimistic local change, shown at once and marked pending until the server acknowledges it. */
  applyLocal(a: EditorAnnotation): void {
    if (a.deleted) this.drop(a.id, { ...a, pending: true });
    else {
      const z = this.byId.get(a.id)?.zOrder ?? 1e12 + ++this.localZ;
      this.put({ ...a, zOrder: z, pending: true });
    }
    this.revision++;
  }

  /** Styles changed: everything must be redrawn. */
  invalidateAll(): void {
    this.dirty = null;
    this.revision++;
  }

  remove(id: string): void {
    if (this.drop(id)) this.revision++;
  }

  /** Visible objects whose bounds meet `b`, in paint order. */
  query(b: Bounds): EditorAnnotation[] {
    const out = this.index.search(b).map((id) => this.byId.get(id)!);
    out.sort((p, q) => p.zOrder - q.zOrder);
    return out;
  }

  boundsOf(id: string): Bounds | undefined {
    return this.index.get(id);
  }

  /** Regions changed since the last call; null means redraw everything. */
  takeDirty(): Bounds[] | null {
    const d = this.dirty;
    this.dirty = [];
    return d;
  }

  private put(a: EditorAnnotation) {
    const old = this.index.get(a.id);
    if (old) this.markDirty(old);
    const b = geometryBounds(a.geometry);
    this.byId.set(a.id, a);
    this.tombstones.delete(a.id);
    this.index.insert(a.id, b);
    this.markDirty(b);
  }

  private drop(id: string, tombstone?: EditorAnnotation): boolean {
    if (tombstone) this.tombstones.set(id, { ...tombstone, deleted: true });
    const b = this.index.get(id);
    if (b) this.markDirty(b);
    this.index.remove(id);
    return this.byId.delete(id);
  }

  private markDirty(b: Bounds) {
    if (this.dirty && this.dirty.length < 256) this.dirty.push(b);
    else this.dirty = null;
  }
}
