'use client';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { RenderViewport } from './engine/tile-renderer';

export interface SurfacePointer {
  type: 'down' | 'move' | 'up' | 'leave';
  image: { x: number; y: number };
  button: number;
  pressure: number;
  pointerType: string;
  detail: number;
}

interface Props {
  width: number;
  height: number;
  pan: boolean;
  onPointer: (e: SurfacePointer, zoom: number) => boolean;
  children: (vp: RenderViewport) => ReactNode;
  viewportRef?: (set: (center: { x: number; y: number }) => void) => void;
}

/**
 * A host for the editor when the image has no pyramid to show yet (and for tests/benchmarks): an image-sized
 * dark area with the same viewport maths as the viewer — wheel zoom, middle/Space/pan-mode drag to pan.
 */
export function BlankSurface({ width, height, pan, onPointer, children, viewportRef }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [vp, setVp] = useState<RenderViewport>({ center: { x: width / 2, y: height / 2 }, zoom: 1, screenWidth: 800, screenHeight: 600 });
  const drag = useRef<{ x: number; y: number } | null>(null);
  const space = useRef(false);

  useEffect(() => {
    const el = box.current!;
    const fit = () => {
      const r = el.getBoundingClientRect();
      setVp((v) => ({ ...v, screenWidth: r.width, screenHeight: r.height, zoom: v.screenWidth === 800 ? Math.min(r.width / width, r.height / height) * 0.95 : v.zoom }));
    };
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    const wheel = (ev: WheelEvent) => {
      ev.preventDefault();
      const r = el.getBoundingClientRect();
      const sx = ev.clientX - r.left, sy = ev.clientY - r.top;
      setVp((v) => {
        const f = Math.exp(-ev.deltaY * 0.0025);
        const zoom = Math.min(64, Math.max(0.01, v.zoom * f));
        const ix = (sx - v.screenWidth / 2) / v.zoom + v.center.x, iy = (sy - v.screenHeight / 2) / v.zoom + v.center.y;
        return { ...v, zoom, center: { x: ix - (sx - v.screenWidth / 2) / zoom, y: iy - (sy - v.screenHeight / 2) / zoom } };
      });
    };
    el.addEventListener('wheel', wheel, { passive: false });
    viewportRef?.((center) => setVp((v) => ({ ...v, center })));
    return () => {
      ro.disconnect();
      el.removeEventListener('wheel', wheel);
    };
  }, [width, height, viewportRef]);

  const toImage = (ev: React.PointerEvent) => {
    const r = box.current!.getBoundingClientRect();
    return { x: (ev.clientX - r.left - vp.screenWidth / 2) / vp.zoom + vp.center.x, y: (ev.clientY - r.top - vp.screenHeight / 2) / vp.zoom + vp.center.y };
  };
  const send = (type: SurfacePointer['type'], ev: React.PointerEvent) =>
    onPointer({ type, image: toImage(ev), button: ev.button, pressure: ev.pressure, pointerType: ev.pointerType, detail: ev.detail }, vp.zoom);
  const tl = { left: vp.screenWidth / 2 - vp.center.x * vp.zoom, top: vp.screenHeight / 2 - vp.center.y * vp.zoom };

  return (
    <div
      ref={box}
      data-testid="annotation-surface"
      className="relative h-full w-full touch-none overflow-hidden bg-slate-900"
      onKeyDown={(e) => { if (e.key === ' ') space.current = true; }}
      onKeyUp={(e) => { if (e.key === ' ') space.current = false; }}
      onPointerDown={(ev) => {
        ev.currentTarget.setPointerCapture(ev.pointerId);
        if (ev.button === 1 || pan || space.current) {
          drag.current = { x: ev.clientX, y: ev.clientY };
          return;
        }
        send('down', ev);
      }}
      onPointerMove={(ev) => {
        const d = drag.current;
        if (d) {
          setVp((v) => ({ ...v, center: { x: v.center.x - (ev.clientX - d.x) / v.zoom, y: v.center.y - (ev.clientY - d.y) / v.zoom } }));
          drag.current = { x: ev.clientX, y: ev.clientY };
          return;
        }
        send('move', ev);
      }}
      onPointerUp={(ev) => {
        if (drag.current) drag.current = null;
        else send('up', ev);
      }}
      onPointerLeave={(ev) => send('leave', ev)}
    >
      <div aria-hidden="true" className="absolute bg-slate-700" style={{ ...tl, width: width * vp.zoom, height: height * vp.zoom }} />
      {children(vp)}
    </div>
  );
}
