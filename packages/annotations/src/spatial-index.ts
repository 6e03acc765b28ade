import type { Bounds } from './types';

/**
 * A uniform-grid spatial index over object bounds: insert / remove / update in O(cells covered), `search` returns
 * every id whose bounds intersect the query once, in insertion order of discovery. Suits the editor (thousands of
 * objects, frequent edits, viewport queries) better than a static R-tree.
 */
export class SpatialIndex {
  private readonly cells = new Map<number, Set<string>>();
  private readonly bounds = new Map<string, Bounds>();
  private readonly big = new Set<string>();

  constructor(private readonly cellSize = 256) {}

  get size(): number {
    return this.bounds.size;
  }

  has(id: string): boolean {
    return this.bounds.has(id);
  }

  get(id: string): Bounds | undefined {
    return this.bounds.get(id);
  }

  insert(id: string, b: Bounds): void {
    if (this.bounds.has(id)) this.remove(id);
    this.bounds.set(id, b);
    const c = this.cellRange(b);
    // objects spanning very many cells live in one list that every query scans
    if ((c.x1 - c.x0 + 1) * (c.y1 - c.y0 + 1) > 1024) {
      this.big.add(id);
      return;
    }
    for (let cy = c.y0; cy <= c.y1; cy++) {
      for (let cx = c.x0; cx <= c.x1; cx++) {
        const k = key(cx, cy);
        let set = this.cells.get(k);
        if (!set) this.cells.set(k, (set = new Set()));
        set.add(id);
      }
    }
  }

  remove(id: string): boolean {
    const b = this.bounds.get(id);
    if (!b) return false;
    this.bounds.delete(id);
    if (this.big.delete(id)) return true;
    const c = this.cellRange(b);
    for (let cy = c.y0; cy <= c.y1; cy++) {
      for (let cx = c.x0; cx <= c.x1; cx++) {
        const k = key(cx, cy);
        const set = this.cells.get(k);
        if (set?.delete(id) && set.size === 0) this.cells.delete(k);
      }
    }
    return true;
  }

  /** Ids whose bounds intersect `q` (touching counts). */
  search(q: Bounds): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    const test = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      const b = this.bounds.get(id)!;
      if (b.minX <= q.maxX && q.minX <= b.maxX && b.minY <= q.maxY && q.minY <= b.maxY) out.push(id);
    };
    const c = this.cellRange(q);
    if ((c.x1 - c.x0 + 1) * (c.y1 - c.y0 + 1) > this.cells.size) {
      for (const set of this.cells.values()) for (const id of set) test(id);
    } else {
      for (let cy = c.y0; cy <= c.y1; cy++) {
        for (let cx = c.x0; cx <= c.x1; cx++) {
          const set = this.cells.get(key(cx, cy));
          if (set) for (const id of set) test(id);
        }
      }
    }
    for (const id of this.big) test(id);
    return out;
  }

  clear(): void {
    this.cells.clear();
    this.bounds.clear();
    this.big.clear();
  }

  private cellRange(b: Bounds) {
    const s = this.cellSize;
    return { x0: Math.floor(b.minX / s), y0: Math.floor(b.minY / s), x1: Math.floor(b.maxX / s), y1: Math.floor(b.maxY / s) };
  }
}

// cells are indexed within ±2^20 in each direction; coordinates are bounded by MAX_COORD
const key = (cx: number, cy: number) => (cx + 1048576) * 2097152 + (cy + 1048576);
