import type { AnnotationOp } from '../annotations/op-schemas';

/** A nucleus of the generated demo image (the generator's own list: @tessera/packager/demo-image-layout). */
export interface KnownNucleus {
  x: number;
  y: number;
  r: number;
}

export interface DemoAnnotationOptions {
  imageId: string;
  width: number;
  height: number;
  nucleusClassId: string;
  backgroundClassId: string;
  /** How many nuclei to outline (partial labels: most stay unlabelled). */
  nuclei?: number;
  /** How many background strokes to paint. */
  strokes?: number;
}

const STROKE_WIDTH = 10;
const STROKE_LENGTH = 120;
/** Clearance between a background stroke's edge and any nucleus edge, in pixels. */
const CLEARANCE = 6;

/**
 * The demo's partial labels as annotation-API create ops, derived from the generator's known nuclei (never from
 * pixels): isolated nuclei outlined as instance objects (polygons, every fourth one a closed brush loop with
 * holes filled, as a user outlines with the brush) and short Background strokes that keep clear of every nucleus.
 * Ids and idempotency keys are derived from the image id, so a replay is recognised as a duplicate.
 */
export function demoAnnotationOps(known: readonly KnownNucleus[], o: DemoAnnotationOptions): AnnotationOp[] {
  const ops: AnnotationOp[] = [];
  const id = (kind: string, i: number) => `demo-${o.imageId}-${kind}${i}`.slice(0, 60);
  const picked = pickIsolated(known, o.width, o.height).slice(0, o.nuclei ?? 16);
  picked.forEach((n, i) => {
    const annotationId = id('n', i);
    const loop = i % 4 === 3;
    const geometry = loop
      ? { type: 'polyline' as const, points: circle(n, n.r - 2, 32, true), width: 4 }
      : { type: 'polygon' as const, rings: [circle(n, n.r, 32, false)] };
    ops.push({ type: 'create', key: `${annotationId}-c`, annotation: { id: annotationId, kind: 'instance', labelClassId: o.nucleusClassId, geometry, fillHoles: loop } });
  });
  backgroundStrokes(known, picked, o.width, o.height, o.strokes ?? 8).forEach((points, i) => {
    const annotationId = id('b', i);
    ops.push({ type: 'create', key: `${annotationId}-c`, annotation: { id: annotationId, kind: 'brush', labelClassId: o.backgroundClassId, geometry: { type: 'polyline', points, width: STROKE_WIDTH } } });
  });
  return ops;
}

/** Nuclei that no other nucleus touches (clean instance outlines), fully inside the image, in the generator's order. */
export function pickIsolated(known: readonly KnownNucleus[], width: number, height: number): KnownNucleus[] {
  return known.filter((n) =>
    n.x - n.r > 2 && n.y - n.r > 2 && n.x + n.r < width - 2 && n.y + n.r < height - 2
    && known.every((m) => m === n || Math.hypot(m.x - n.x, m.y - n.y) > m.r + n.r + 4));
}

function circle(c: KnownNucleus, r: number, n: number, closed: boolean): number[] {
  const pts: number[] = [];
  for (let i = 0; i <= (closed ? n : n - 1); i++) {
    const a = (2 * Math.PI * i) / n;
    pts.push(round(c.x + r * Math.cos(a)), round(c.y + r * Math.sin(a)));
  }
  return pts;
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Straight strokes near the outlined nuclei (in the gaps between cells), each point clear of every nucleus. */
function backgroundStrokes(known: readonly KnownNucleus[], near: readonly KnownNucleus[], width: number, height: number, count: number): number[][] {
  const clear = (x: number, y: number) =>
    x > STROKE_WIDTH && y > STROKE_WIDTH && x < width - STROKE_WIDTH && y < height - STROKE_WIDTH
    && known.every((m) => Math.hypot(m.x - x, m.y - y) > m.r + STROKE_WIDTH / 2 + CLEARANCE);
  const out: number[][] = [];
  for (const n of near) {
    if (out.length >= count) break;
    // try a few directions from a point beside the nucleus; keep the first segment that is clear all along
    for (let k = 0; k < 8 && out.length < count; k++) {
      const a = (Math.PI / 4) * k;
      const d = n.r + STROKE_WIDTH + CLEARANCE + 4;
      const x0 = n.x + d * Math.cos(a), y0 = n.y + d * Math.sin(a);
      const dir = a + Math.PI / 2;
      const pts: number[] = [];
      let ok = true;
      for (let s = -STROKE_LENGTH / 2; s <= STROKE_LENGTH / 2 && ok; s += 4) {
        const x = x0 + s * Math.cos(dir), y = y0 + s * Math.sin(dir);
        ok = clear(x, y);
        if (s % 12 === 0) pts.push(round(x), round(y));
      }
      if (ok) {
        out.push(pts);
        break;
      }
    }
  }
  return out;
}
