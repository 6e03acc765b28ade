'use client';
import { useEffect, useRef } from 'react';
import type { EditorEngine } from './engine/editor-engine';
import { drawAnnotation, TileRenderer, type RenderViewport } from './engine/tile-renderer';
import type { PresenceInfo } from './engine/live-client';

interface Props {
  engine: EditorEngine;
  viewport: RenderViewport;
  revision: number;
  cursor: { x: number; y: number } | null;
  presence: PresenceInfo[];
  comments: { id: string; x: number; y: number; body: string; resolved: boolean }[];
}

/** The overlay: cached annotation tiles, the draft stroke, the brush cursor, other people's cursors, comment pins. */
export function AnnotationCanvas({ engine, viewport, revision, cursor, presence, comments }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const renderer = useRef<TileRenderer | null>(null);
  const frame = useRef(0);

  useEffect(() => {
    renderer.current = new TileRenderer(engine.store, (w, h) => Object.assign(document.createElement('canvas'), { width: w, height: h }));
  }, [engine]);

  useEffect(() => {
    const draw = () => {
      const canvas = ref.current;
      const r = renderer.current;
      if (!canvas || !r) return;
      const dpr = window.devicePixelRatio || 1;
      const w = Math.round(viewport.screenWidth * dpr), h = Math.round(viewport.screenHeight * dpr);
      if (canvas.width !== w || canvas.height !== h) Object.assign(canvas, { width: w, height: h });
      const ctx = canvas.getContext('2d')!;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      const styles = new Map(engine.classes.map((c) => [c.id, c]));
      r.render(ctx, viewport, styles, dpr);
      const d = engine.draft;
      if (d && d.points.length >= 2) {
        const z = viewport.zoom * dpr;
        ctx.setTransform(z, 0, 0, z, (viewport.screenWidth / 2 - viewport.center.x * viewport.zoom) * dpr, (viewport.screenHeight / 2 - viewport.center.y * viewport.zoom) * dpr);
        const polygon = engine.mode === 'polygon';
        drawAnnotation(ctx, {
          id: 'draft', kind: engine.mode === 'eraser' ? 'brush' : 'brush', labelClassId: engine.mode === 'eraser' ? '__eraser' : engine.classId,
          geometry: polygon ? { type: 'polyline', points: d.points, width: 2 / viewport.zoom } : { type: 'polyline', points: d.points, width: d.width },
          fillHoles: false, zOrder: 0, version: 0, authorId: '', deleted: false,
        }, new Map([...styles, ['__eraser', { id: '__eraser', name: 'eraser', color: '#ffffff', opacity: 0.5, visible: true }]]));
      }
      if (r.incomplete) frame.current = requestAnimationFrame(draw);
    };
    cancelAnimationFrame(frame.current);
    draw();
    return () => cancelAnimationFrame(frame.current);
  }, [engine, viewport, revision]);

  const toScreen = (p: { x: number; y: number }) => ({ left: (p.x - viewport.center.x) * viewport.zoom + viewport.screenWidth / 2, top: (p.y - viewport.center.y) * viewport.zoom + viewport.screenHeight / 2 });
  const brushPx = engine.brushSize;
  return (
    <div className="pointer-events-none absolute inset-0" data-testid="annotation-overlay" data-objects={engine.store.size}>
      <canvas ref={ref} className="absolute inset-0 h-full w-full" data-testid="annotation-canvas" />
      {cursor && (engine.mode === 'brush' || engine.mode === 'eraser') && (
        <div aria-hidden="true" className="absolute rounded-full border border-white mix-blend-difference"
          style={{ ...pos(toScreen(cursor), brushPx), width: brushPx, height: brushPx }} />
      )}
      {presence.filter((p) => p.x !== null && p.y !== null).map((p) => (
        <div key={p.userId} data-testid="presence-cursor" className="absolute text-xs font-medium" style={toScreen({ x: p.x!, y: p.y! })}>
          <span aria-hidden="true" className="block h-3 w-3 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white" style={{ background: p.color }} />
          <span className="ml-2 rounded px-1 text-white" style={{ background: p.color }}>{p.name}</span>
        </div>
      ))}
      {comments.filter((c) => !c.resolved).map((c) => (
        <div key={c.id} data-testid="comment-pin" title={c.body} className="absolute -translate-x-1/2 -translate-y-full rounded bg-amber-300 px-1.5 py-0.5 text-xs text-slate-900 shadow" style={toScreen(c)}>
          💬 {c.body.length > 30 ? `${c.body.slice(0, 30)}…` : c.body}
        </div>
      ))}
    </div>
  );
}

const pos = (p: { left: number; top: number }, size: number) => ({ left: p.left - size / 2, top: p.top - size / 2 });
