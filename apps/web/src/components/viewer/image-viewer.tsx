'use client';
import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { imageToScreen, screenToImage, type Point } from '@tessera/tiling';
import { ViewerEngine, type ViewerState } from './engine/viewer-engine';
import type { ChunkRef, Viewport, ViewerImage } from './engine/types';

/** A pointer event in both coordinate systems; overlays (e.g. the annotation editor) receive these. */
export interface ImagePointerEvent {
  type: 'down' | 'move' | 'up' | 'leave';
  image: Point;
  screen: Point;
  buttons: number;
  button: number;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  original: PointerEvent | React.PointerEvent;
}

/** What an overlay render function gets: the current viewport and the coordinate transforms. */
export interface OverlayContext {
  viewport: Viewport;
  engine: ViewerEngine;
  imageToScreen: (p: Point) => Point;
  screenToImage: (p: Point) => Point;
}

export interface ImageViewerProps {
  image: ViewerImage;
  chunkUrl: (ref: ChunkRef) => string;
  /** 'pan': left-drag pans (default). 'none': left-drag is left to onImagePointer; middle-drag or Space+drag still pan. */
  interaction?: 'pan' | 'none';
  /** Return true to claim the event (the viewer will not pan for it). */
  onImagePointer?: (e: ImagePointerEvent) => boolean | void;
  onEngine?: (engine: ViewerEngine | null) => void;
  /** Overlay layers, drawn above the image in screen space and re-rendered on every view change. */
  children?: (ctx: OverlayContext) => ReactNode;
  className?: string;
  label?: string;
}

const NOOP_STATE = () => () => undefined;

/** Thin React wrapper over ViewerEngine: canvas, input (mouse, trackpad, keyboard), resize, overlays. */
export function ImageViewer({ image, chunkUrl, interaction = 'pan', onImagePointer, onEngine, children, className = '', label = 'Image viewer' }: ImageViewerProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [engine, setEngine] = useState<ViewerEngine | null>(null);
  const [error, setError] = useState<string | null>(null);
  const drag = useRef<{ x: number; y: number; id: number } | null>(null);
  const space = useRef(false);
  const urlRef = useRef(chunkUrl);
  urlRef.current = chunkUrl;

  useEffect(() => {
    const canvas = canvasRef.current!;
    let e: ViewerEngine;
    try {
      e = new ViewerEngine(canvas, image, (ref) => urlRef.current(ref), { pixelRatio: window.devicePixelRatio || 1 });
    } catch (err) {
      setError((err as Error).message);
      return;
    }
    setEngine(e);
    onEngine?.(e);
    const box = boxRef.current!;
    const ro = new ResizeObserver(() => { const r = box.getBoundingClientRect(); e.resize(r.width, r.height); });
    ro.observe(box);
    const r = box.getBoundingClientRect();
    e.resize(r.width, r.height);
    e.fit();
    const onWheel = (ev: WheelEvent) => {
      ev.preventDefault();
      const at = local(box, ev);
      const unit = ev.deltaMode === 1 ? 16 : ev.deltaMode === 2 ? 400 : 1;
      if (!ev.ctrlKey && ev.deltaX !== 0) e.pan(-ev.deltaX * unit, -ev.deltaY * unit); // two-finger trackpad scroll
      else e.zoom(Math.exp(-ev.deltaY * unit * (ev.ctrlKey ? 0.01 : 0.0025)), at); // wheel, or pinch (ctrlKey)
    };
    box.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      box.removeEventListener('wheel', onWheel);
      ro.disconnect();
      e.destroy();
      onEngine?.(null);
      setEngine(null);
    };
  }, [image]);

  const state = useSyncExternalStore<ViewerState | null>(
    engine ? (fn) => engine.subscribe(fn) : NOOP_STATE,
    () => engine?.getState() ?? null,
    () => null,
  );

  const pointer = (type: ImagePointerEvent['type'], ev: React.PointerEvent) => {
    if (!engine) return false;
    const screen = local(boxRef.current!, ev);
    return onImagePointer?.({
      type, screen, image: engine.toImage(screen), buttons: ev.buttons, button: ev.button,
      shiftKey: ev.shiftKey, altKey: ev.altKey, ctrlKey: ev.ctrlKey, original: ev,
    }) === true;
  };

  const onKeyDown = (ev: React.KeyboardEvent) => {
    if (!engine) return;
    const step = ev.shiftKey ? 200 : 60;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => engine.pan(step, 0), ArrowRight: () => engine.pan(-step, 0),
      ArrowUp: () => engine.pan(0, step), ArrowDown: () => engine.pan(0, -step),
      '+': () => engine.zoom(1.5), '=': () => engine.zoom(1.5), '-': () => engine.zoom(1 / 1.5),
      '0': () => engine.fit(), '1': () => engine.oneToOne(),
    };
    if (ev.key === ' ') space.current = true;
    const action = keys[ev.key];
    if (action) { ev.preventDefault(); action(); }
  };

  return (
    <div
      ref={boxRef}
      role="application"
      aria-label={`${label}. Drag or arrow keys to pan, wheel or + and - to zoom, 0 to fit, 1 for 1:1.`}
      tabIndex={0}
      data-testid="image-viewer"
      className={`relative overflow-hidden bg-black outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${className}`}
      style={{ touchAction: 'none', cursor: drag.current ? 'grabbing' : interaction === 'pan' ? 'grab' : 'crosshair' }}
      onKeyDown={onKeyDown}
      onKeyUp={(ev) => { if (ev.key === ' ') space.current = false; }}
      onPointerDown={(ev) => {
        boxRef.current?.focus({ preventScroll: true });
        if (pointer('down', ev)) return;
        if (ev.button === 1 || (ev.button === 0 && (interaction === 'pan' || space.current))) {
          drag.current = { x: ev.clientX, y: ev.clientY, id: ev.pointerId };
          ev.currentTarget.setPointerCapture(ev.pointerId);
        }
      }}
      onPointerMove={(ev) => {
        const d = drag.current;
        if (d && d.id === ev.pointerId && engine) {
          engine.pan(ev.clientX - d.x, ev.clientY - d.y);
          drag.current = { ...d, x: ev.clientX, y: ev.clientY };
        }
        pointer('move', ev);
      }}
      onPointerUp={(ev) => { drag.current = null; pointer('up', ev); }}
      onPointerLeave={(ev) => pointer('leave', ev)}
    >
      <canvas ref={canvasRef} data-testid="viewer-canvas" className="absolute inset-0 block h-full w-full" />
      {error && <p role="alert" className="absolute inset-0 flex items-center justify-center p-6 text-center text-sm text-white">{error}</p>}
      {engine && state && children && (
        <div className="pointer-events-none absolute inset-0">
          {children({
            viewport: state.viewport,
            engine,
            imageToScreen: (p) => imageToScreen(state.viewport, p),
            screenToImage: (p) => screenToImage(state.viewport, p),
          })}
        </div>
      )}
    </div>
  );
}

function local(el: HTMLElement, ev: { clientX: number; clientY: number }): Point {
  const r = el.getBoundingClientRect();
  return { x: ev.clientX - r.left, y: ev.clientY - r.top };
}
