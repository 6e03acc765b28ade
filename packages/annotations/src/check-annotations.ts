import { geometryBounds } from './geometry';
import { rasteriseAnnotations } from './rasterise';
import type { AnnotationShape } from './types';

export type CheckCode =
  | 'NOTHING_LABELLED'
  | 'NO_BACKGROUND'
  | 'INSTANCES_TOUCHING'
  | 'CUT_BY_EDGE'
  | 'CLASS_TOO_SMALL'
  | 'CLASS_TOO_FEW_OBJECTS'
  | 'OUTSIDE_IMAGE';

export interface CheckIssue {
  code: CheckCode;
  severity: 'error' | 'warning';
  message: string;
  /** Where to look, in image pixels (the editor centres on it). */
  at?: { x: number; y: number };
  annotationIds: string[];
  classIndex?: number;
}

export interface CheckClass {
  index: number;
  name: string;
  /** The class users paint as background (partial labels: unlabelled is not background). */
  background?: boolean;
}

export interface ClassStat {
  index: number;
  areaPx: number;
  objects: number;
}

export interface ImageCheck {
  issues: CheckIssue[];
  classStats: ClassStat[];
}

const MAX_PER_CODE = 50;

/** Image-level checks before training: background, touching instances, objects cut by the edge, outside strokes. */
export function checkImageAnnotations(
  shapes: readonly AnnotationShape[],
  opts: { width: number; height: number; instanceProject: boolean; classes: readonly CheckClass[] },
): ImageCheck {
  const { width: w, height: h } = opts;
  const issues: CheckIssue[] = [];
  const m = rasteriseAnnotations(shapes, { width: w, height: h });
  const area = new Map<number, number>();
  for (const v of m.labels) if (v) area.set(v, (area.get(v) ?? 0) + 1);
  const objects = new Map<number, number>();
  const byId = new Map(shapes.map((s) => [s.id, s]));

  if (area.size === 0) issues.push({ code: 'NOTHING_LABELLED', severity: 'error', message: 'Nothing is labelled on this image.', annotationIds: [] });
  const bg = opts.classes.filter((c) => c.background);
  if (area.size > 0 && !bg.some((c) => (area.get(c.index) ?? 0) > 0)) {
    issues.push({
      code: 'NO_BACKGROUND',
      severity: 'error',
      message: bg.length ? `No ${bg.map((c) => c.name).join('/')} is labelled: paint some background, or the model never learns what is not an object.` : 'The project has no background class; add one named "Background" and paint some.',
      annotationIds: [],
    });
  }

  if (opts.instanceProject) {
    const alive = new Set<number>();
    const firstAt = new Map<number, number>();
    for (let i = 0; i < m.instances.length; i++) {
      const id = m.instances[i]!;
      if (id && !alive.has(id)) {
        alive.add(id);
        firstAt.set(id, i);
      }
    }
    for (const id of alive) {
      const cls = byId.get(m.instanceIds[id - 1]!)!.classIndex;
      objects.set(cls, (objects.get(cls) ?? 0) + 1);
    }
    findTouching(m.instances, w, h, m.instanceIds, issues);
    findCutByEdge(m.instances, w, h, m.instanceIds, issues);
  } else {
    for (const s of shapes) if (s.kind !== 'eraser') objects.set(s.classIndex, (objects.get(s.classIndex) ?? 0) + 1);
  }

  let outside = 0;
  for (const s of shapes) {
    // the points themselves, not the brush radius: painting right up to the edge is normal
    const b = geometryBounds(s.geometry.type === 'polyline' ? { ...s.geometry, width: 0 } : s.geometry);
    if (b.minX >= 0 && b.minY >= 0 && b.maxX <= w && b.maxY <= h) continue;
    const none = b.maxX <= 0 || b.maxY <= 0 || b.minX >= w || b.minY >= h;
    if (outside++ >= MAX_PER_CODE) continue;
    issues.push({
      code: 'OUTSIDE_IMAGE',
      severity: none ? 'error' : 'warning',
      message: none ? 'A shape lies entirely outside the image; delete it.' : 'A shape reaches outside the image; the part outside is ignored.',
      at: { x: clamp((b.minX + b.maxX) / 2, 0, w), y: clamp((b.minY + b.maxY) / 2, 0, h) },
      annotationIds: [s.id],
    });
  }
  const indices = new Set([...area.keys(), ...objects.keys()]);
  const classStats = [...indices].sort((a, b) => a - b).map((index) => ({ index, areaPx: area.get(index) ?? 0, objects: objects.get(index) ?? 0 }));
  return { issues, classStats };
}

function findTouching(inst: Int32Array, w: number, h: number, ids: string[], issues: CheckIssue[]) {
  const pairs = new Set<number>();
  const report = (a: number, b: number, i: number) => {
    const lo = Math.min(a, b), hi = Math.max(a, b);
    const k = lo * 2 ** 26 + hi;
    if (pairs.has(k) || pairs.size >= MAX_PER_CODE) return;
    pairs.add(k);
    issues.push({
      code: 'INSTANCES_TOUCHING',
      severity: 'warning',
      message: 'Two objects touch without a background gap; leave a gap or paint background between them so they stay separate.',
      at: { x: (i % w) + 0.5, y: Math.floor(i / w) + 0.5 },
      annotationIds: [ids[lo - 1]!, ids[hi - 1]!],
    });
  };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const a = inst[i]!;
      if (!a) continue;
      if (x + 1 < w && inst[i + 1] && inst[i + 1] !== a) report(a, inst[i + 1]!, i);
      if (y + 1 < h && inst[i + w] && inst[i + w] !== a) report(a, inst[i + w]!, i);
    }
  }
}

function findCutByEdge(inst: Int32Array, w: number, h: number, ids: string[], issues: CheckIssue[]) {
  const seen = new Set<number>();
  const visit = (x: number, y: number) => {
    const a = inst[y * w + x]!;
    if (!a || seen.has(a) || seen.size >= MAX_PER_CODE) return;
    seen.add(a);
    issues.push({
      code: 'CUT_BY_EDGE',
      severity: 'warning',
      message: 'An object is cut by the image edge; its true shape is unknown. Consider erasing it or marking it partial.',
      at: { x: x + 0.5, y: y + 0.5 },
      annotationIds: [ids[a - 1]!],
    });
  };
  for (let x = 0; x < w; x++) {
    visit(x, 0);
    visit(x, h - 1);
  }
  for (let y = 0; y < h; y++) {
    visit(0, y);
    visit(w - 1, y);
  }
}

/** Class-level checks over the totals of all images that go into training. */
export function checkClassTotals(
  stats: readonly ClassStat[][],
  classes: readonly CheckClass[],
  opts: { minAreaPx?: number; minObjects?: number } = {},
): CheckIssue[] {
  const minArea = opts.minAreaPx ?? 200, minObjects = opts.minObjects ?? 5;
  const total = new Map<number, ClassStat>();
  for (const img of stats) {
    for (const s of img) {
      const t = total.get(s.index) ?? { index: s.index, areaPx: 0, objects: 0 };
      t.areaPx += s.areaPx;
      t.objects += s.objects;
      total.set(s.index, t);
    }
  }
  const issues: CheckIssue[] = [];
  for (const c of classes) {
    const t = total.get(c.index) ?? { index: c.index, areaPx: 0, objects: 0 };
    if (t.areaPx < minArea) {
      issues.push({ code: 'CLASS_TOO_SMALL', severity: t.areaPx === 0 ? 'error' : 'warning', classIndex: c.index, annotationIds: [], message: `"${c.name}" has ${t.areaPx} labelled pixels; label at least ${minArea}.` });
    }
    if (!c.background && t.objects < minObjects) {
      issues.push({ code: 'CLASS_TOO_FEW_OBJECTS', severity: 'warning', classIndex: c.index, annotationIds: [], message: `"${c.name}" has ${t.objects} objects; label at least ${minObjects}.` });
    }
  }
  return issues;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
