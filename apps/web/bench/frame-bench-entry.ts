/** Runs in Chromium: panning over 10,000 objects in view, with the editor's tile cache and with a naive full redraw. */
import { AnnotationStore } from '../src/components/annotation/engine/annotation-store';
import { drawAnnotation, TileRenderer } from '../src/components/annotation/engine/tile-renderer';
import type { ClassStyle, EditorAnnotation } from '../src/components/annotation/engine/types';

declare global {
  interface Window { runFrameBench: (n: number, frames: number) => Promise<Record<string, number[]>> }
}

function makeObjects(n: number, w: number, h: number): EditorAnnotation[] {
  let s = 42;
  const r = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const out: EditorAnnotation[] = [];
  for (let i = 0; i < n; i++) {
    const x = r() * w, y = r() * h;
    const base = { id: `o${i}`, labelClassId: i % 3 === 0 ? 'bg' : 'nuc', fillHoles: false, zOrder: i, version: 1, authorId: 'u', deleted: false };
    if (i % 2 === 0) {
      const pts: number[] = [];
      for (let k = 0; k < 12; k++) pts.push(x + k * 2 + r() * 2, y + Math.sin(k / 2) * 6);
      out.push({ ...base, kind: 'brush', geometry: { type: 'polyline', points: pts, width: 4 } });
    } else {
      const ring: number[] = [];
      for (let k = 0; k < 10; k++) ring.push(x + Math.cos((k / 10) * 2 * Math.PI) * 8, y + Math.sin((k / 10) * 2 * Math.PI) * 8);
      out.push({ ...base, kind: 'instance', geometry: { type: 'polygon', rings: [ring] } });
    }
  }
  return out;
}

window.runFrameBench = async (n, frames) => {
  const W = 1280, H = 800;
  const canvas = Object.assign(document.createElement('canvas'), { width: W, height: H });
  document.body.appendChild(canvas);
  const ctx = canvas.getContext('2d')!;
  const styles = new Map<string, ClassStyle>([
    ['bg', { id: 'bg', name: 'Background', color: '#3366ff', opacity: 0.5, visible: true }],
    ['nuc', { id: 'nuc', name: 'Nucleus', color: '#ff3300', opacity: 0.5, visible: true }],
  ]);
  const store = new AnnotationStore();
  // every object inside the first view: a 2560×1600 image region at zoom 0.5
  store.reset(makeObjects(n, 2560, 1600));
  const renderer = new TileRenderer(store, (w, h) => Object.assign(document.createElement('canvas'), { width: w, height: h }));
  const run = (draw: (vp: { center: { x: number; y: number }; zoom: number; screenWidth: number; screenHeight: number }) => void) =>
    new Promise<{ work: number[]; interval: number[] }>((resolve) => {
      const work: number[] = [], interval: number[] = [];
      let last = performance.now(), f = 0;
      const tick = () => {
        const now = performance.now();
        if (f > 0) interval.push(now - last);
        last = now;
        // pan 3 px per frame, back and forth, all objects staying in view
        const dx = ((f % 120) < 60 ? f % 60 : 60 - (f % 60)) * 3;
        const t0 = performance.now();
        draw({ center: { x: 1280 + dx, y: 800 + dx / 2 }, zoom: 0.5, screenWidth: W, screenHeight: H });
        ctx.getImageData(0, 0, 1, 1); // wait for the raster work to finish
        work.push(performance.now() - t0);
        if (++f < frames) requestAnimationFrame(tick);
        else resolve({ work, interval });
      };
      requestAnimationFrame(tick);
    });
  const cached = await run((vp) => renderer.render(ctx, vp, styles, 1));
  const naive = await run((vp) => {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, W, H);
    ctx.setTransform(vp.zoom, 0, 0, vp.zoom, W / 2 - vp.center.x * vp.zoom, H / 2 - vp.center.y * vp.zoom);
    const inView = store.query({ minX: vp.center.x - W / 2 / vp.zoom, minY: vp.center.y - H / 2 / vp.zoom, maxX: vp.center.x + W / 2 / vp.zoom, maxY: vp.center.y + H / 2 / vp.zoom });
    for (const a of inView) drawAnnotation(ctx, a, styles);
  });
  return { cachedWork: cached.work, cachedInterval: cached.interval, naiveWork: naive.work.slice(0, 60), inView: [store.query({ minX: 0, minY: 0, maxX: 2560, maxY: 1600 }).length] };
};
