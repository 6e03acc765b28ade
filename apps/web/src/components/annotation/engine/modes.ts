import { hitTest, simplifyPolyline, type Geometry } from '@tessera/annotations';
import type { AnnotationStore } from './annotation-store';
import type { EditorMode, Pt } from './types';

export interface PointerInput {
  type: 'down' | 'move' | 'up' | 'leave';
  image: Pt;
  button: number;
  /** 0..1 for pens; 0.5 for mice per the Pointer Events spec. */
  pressure?: number;
  pointerType?: string;
  detail?: number;
}

export interface ModeContext {
  store: AnnotationStore;
  /** Screen pixels per image pixel. */
  zoom: number;
  /** Brush diameter in screen pixels (zoom-aware: the stroke is brushSize / zoom image pixels wide). */
  brushSize: number;
  instanceMode: boolean;
}

/** What a mode asks the engine to do. */
export type ModeAction =
  | { type: 'none' }
  | { type: 'draft' }
  | { type: 'commit'; kind: 'brush' | 'eraser' | 'polygon' | 'instance'; geometry: Geometry; fillHoles: boolean }
  | { type: 'fill'; annotationId: string };

/** The in-progress shape (drawn as a preview). */
export interface Draft {
  points: number[];
  width: number;
  pressure: number[];
  closed: boolean;
}

export interface ModeHandler {
  pointer(e: PointerInput, ctx: ModeContext, draft: Draft | null): { action: ModeAction; draft: Draft | null };
  /** Enter finishes a polygon, Escape cancels a draft. */
  key?(key: string, ctx: ModeContext, draft: Draft | null): { action: ModeAction; draft: Draft | null };
}

const none = (draft: Draft | null) => ({ action: { type: 'none' } as ModeAction, draft });

function strokeHandler(kind: 'brush' | 'eraser'): ModeHandler {
  return {
    pointer(e, ctx, draft) {
      if (e.type === 'down' && e.button === 0) {
        return { action: { type: 'draft' }, draft: { points: [e.image.x, e.image.y], width: ctx.brushSize / ctx.zoom, pressure: [e.pressure ?? 0.5], closed: false } };
      }
      if (!draft) return none(null);
      if (e.type === 'move') {
        draft.points.push(e.image.x, e.image.y);
        draft.pressure.push(e.pressure ?? 0.5);
        return { action: { type: 'draft' }, draft };
      }
      if (e.type === 'up' || e.type === 'leave') {
        const pen = e.pointerType === 'pen';
        const p = pen ? draft.pressure.reduce((s, v) => s + v, 0) / draft.pressure.length : 0.5;
        const width = Math.max(0.5, draft.width * (pen ? 0.5 + p : 1));
        const points = simplifyPolyline(draft.points, Math.max(0.25, width / 8));
        const instance = kind === 'brush' && ctx.instanceMode;
        return { action: { type: 'commit', kind: instance ? 'instance' : kind, geometry: { type: 'polyline', points, width }, fillHoles: instance }, draft: null };
      }
      return none(draft);
    },
    key: (k, _ctx, draft) => (k === 'Escape' ? none(null) : none(draft)),
  };
}

/** Click to add vertices; click the first vertex, double-click or Enter to close; Escape cancels. */
const polygonHandler: ModeHandler = {
  pointer(e, ctx, draft) {
    if (e.type !== 'down' || e.button !== 0) {
      return none(draft);
    }
    const d = draft ?? { points: [], width: 0, pressure: [], closed: false };
    const n = d.points.length / 2;
    const near = n >= 3 && Math.hypot(e.image.x - d.points[0]!, e.image.y - d.points[1]!) * ctx.zoom < 8;
    if (near || (e.detail ?? 1) >= 2) return closePolygon(d, ctx);
    d.points.push(e.image.x, e.image.y);
    return { action: { type: 'draft' }, draft: d };
  },
  key(k, ctx, draft) {
    if (k === 'Escape') return none(null);
    if (k === 'Enter' && draft) return closePolygon(draft, ctx);
    return none(draft);
  },
};

function closePolygon(d: Draft, ctx: ModeContext) {
  if (d.points.length < 6) return none(null);
  return { action: { type: 'commit', kind: ctx.instanceMode ? 'instance' : 'polygon', geometry: { type: 'polygon', rings: [d.points] }, fillHoles: false } as ModeAction, draft: null };
}

/** Click inside an object to fill its holes (toggle). */
const fillHandler: ModeHandler = {
  pointer(e, ctx) {
    if (e.type !== 'down' || e.button !== 0) return none(null);
    const r = 2 / ctx.zoom;
    const hits = ctx.store.query({ minX: e.image.x - r, minY: e.image.y - r, maxX: e.image.x + r, maxY: e.image.y + r });
    for (let i = hits.length - 1; i >= 0; i--) {
      const a = hits[i]!;
      if (a.kind !== 'eraser' && hitTest(a, e.image.x, e.image.y, r)) return { action: { type: 'fill', annotationId: a.id }, draft: null };
    }
    // a click inside a ring drawn with the brush hits no pixel of it: pick the smallest object whose bounds contain it
    const around = ctx.store.query({ minX: e.image.x, minY: e.image.y, maxX: e.image.x, maxY: e.image.y }).filter((a) => a.kind !== 'eraser');
    const smallest = around.sort((a, b) => area(ctx, a.id) - area(ctx, b.id))[0];
    return smallest ? { action: { type: 'fill', annotationId: smallest.id }, draft: null } : none(null);
  },
};

function area(ctx: ModeContext, id: string) {
  const b = ctx.store.boundsOf(id)!;
  return (b.maxX - b.minX) * (b.maxY - b.minY);
}

export const MODE_HANDLERS: Record<EditorMode, ModeHandler> = {
  pan: { pointer: (_e, _c, d) => none(d) },
  brush: strokeHandler('brush'),
  eraser: strokeHandler('eraser'),
  polygon: polygonHandler,
  fill: fillHandler,
};
