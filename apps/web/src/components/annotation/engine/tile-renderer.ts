import type { Bounds } from '@tessera/annotations';
import type { AnnotationStore } from './annotation-store';
import type { ClassStyle, EditorAnnotation } from './types';

export interface RenderViewport {
  center: { x: number; y: number };
  zoom: number;
  screenWidth: number;
  screenHeight: number;
}

interface Tile {
  canvas: HTMLCanvasElement | OffscreenCanvas;
}

const TILE = 256;

/**
 * Draws annotations from the spatial index into cached screen-space tiles (one zoom level at a time): panning
 * only blits tiles and renders the ones coming into view (within a time budget per frame); an edit re-renders
 * only the tiles its bounds touch. Strokes are round-capped polylines, erasers cut with destination-out.
 */
export class TileRenderer {
  private tiles = new Map<string, Tile>();
  private zoom = 0;
  private dpr = 1;
  /** Set when some tiles were left for the next frame. */
  incomplete = false;

  constructor(
    private readonly store: AnnotationStore,
    private readonly makeCanvas: (w: number, h: number) => HTMLCanvasElement | OffscreenCanvas,
    private readonly budgetMs = 8,
  ) {}

  /** Draws the visible tiles onto ctx (whose transform is identity in device pixels). */
  render(ctx: CanvasRenderingContext2D, vp: RenderViewport, styles: ReadonlyMap<string, ClassStyle>, dpr = 1): { tilesDrawn: number; objects: number } {
    if (vp.zoom !== this.zoom || dpr !== this.dpr) {
      this.tiles.clear();
      this.zoom = vp.zoom;
      this.dpr = dpr;
    }
    const dirty = this.store.takeDirty();
    if (dirty === null) this.tiles.clear();
    else for (const b of dirty) this.invalidate(b);
    const z = vp.zoom;
    const ox = vp.screenWidth / 2 - vp.center.x * z, oy = vp.screenHeight / 2 - vp.center.y * z;
    const i0 = Math.floor(-ox / TILE), j0 = Math.floor(-oy / TILE);
    const i1 = Math.floor((vp.screenWidth - ox) / TILE), j1 = Math.floor((vp.screenHeight - oy) / TILE);
    const t0 = performance.now();
    let drawn = 0, objects = 0;
    this.incomplete = false;
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        const key = `${i},${j}`;
        let tile = this.tiles.get(key);
        if (!tile) {
          if (drawn > 0 && performance.now() - t0 > this.budgetMs) {
            this.incomplete = true;
            continue;
          }
          const r = this.renderTile(i, j, styles);
          tile = r.tile;
          objects += r.objects;
          drawn++;
          this.tiles.set(key, tile);
        }
        ctx.drawImage(tile.canvas as CanvasImageSource, Math.round((i * TILE + ox) * dpr), Math.round((j * TILE + oy) * dpr));
      }
    }
    if (this.tiles.size > 400) this.evict(i0, j0, i1, j1);
    return { tilesDrawn: drawn, objects };
  }

  clear(): void {
    this.tiles.clear();
  }

  private invalidate(b: Bounds) {
    const z = this.zoom;
    if (!z) return;
    const i0 = Math.floor((b.minX * z) / TILE) - 1, i1 = Math.floor((b.maxX * z) / TILE) + 1;
    const j0 = Math.floor((b.minY * z) / TILE) - 1, j1 = Math.floor((b.maxY * z) / TILE) + 1;
    if ((i1 - i0 + 1) * (j1 - j0 + 1) > this.tiles.size) {
      for (const key of [...this.tiles.keys()]) {
        const [i, j] = key.split(',').map(Number) as [number, number];
        if (i >= i0 && i <= i1 && j >= j0 && j <= j1) this.tiles.delete(key);
      }
      return;
    }
    for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) this.tiles.delete(`${i},${j}`);
  }

  private evict(i0: number, j0: number, i1: number, j1: number) {
    for (const key of [...this.tiles.keys()]) {
      const [i, j] = key.split(',').map(Number) as [number, number];
      if (i < i0 - 4 || i > i1 + 4 || j < j0 - 4 || j > j1 + 4) this.tiles.delete(key);
    }
  }

  private renderTile(i: number, j: number, styles: ReadonlyMap<string, ClassStyle>) {
    const z = this.zoom, dpr = this.dpr;
    const size = Math.ceil(TILE * dpr);
    const canvas = this.makeCanvas(size, size);
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const b = { minX: (i * TILE) / z, minY: (j * TILE) / z, maxX: ((i + 1) * TILE) / z, maxY: ((j + 1) * TILE) / z };
    const list = this.store.query(b);
    ctx.setTransform(z * dpr, 0, 0, z * dpr, -i * TILE * dpr, -j * TILE * dpr);
    for (const a of list) drawAnnotation(ctx, a, styles);
    return { tile: { canvas }, objects: list.length };
  }
}

/** One object in image coordinates on a context whose transform maps image pixels to device pixels. */
export function drawAnnotation(ctx: CanvasRenderingContext2D, a: EditorAnnotation, styles: ReadonlyMap<string, ClassStyle>): void {
  const style = a.labelClassId ? styles.get(a.labelClassId) : undefined;
  if (a.kind !== 'eraser' && (!style || !style.visible)) return;
  ctx.globalCompositeOperation = a.kind === 'eraser' ? 'destination-out' : 'source-over';
  const color = a.kind === 'eraser' ? '#000000' : style!.color;
  ctx.globalAlpha = a.kind === 'eraser' ? 1 : style!.opacity;
  const g = a.geometry;
  ctx.beginPath();
  if (g.type === 'polygon') {
    for (const ring of g.rings) {
      ctx.moveTo(ring[0]!, ring[1]!);
      for (let k = 2; k < ring.length; k += 2) ctx.lineTo(ring[k]!, ring[k + 1]!);
      ctx.closePath();
    }
    ctx.fillStyle = color;
    ctx.fill('evenodd');
    if (a.kind === 'instance') {
      ctx.globalAlpha = 1;
      ctx.lineWidth = 1 / Math.abs(ctx.getTransform().a || 1);
      ctx.strokeStyle = color;
      ctx.stroke();
    }
  } else {
    const p = g.points;
    ctx.moveTo(p[0]!, p[1]!);
    if (p.length === 2) ctx.lineTo(p[0]! + 0.001, p[1]!);
    for (let k = 2; k < p.length; k += 2) ctx.lineTo(p[k]!, p[k + 1]!);
    ctx.lineWidth = g.width;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = color;
    ctx.stroke();
    if (a.fillHoles) {
      ctx.fillStyle = color;
      ctx.fill('nonzero');
    }
  }
  ctx.globalAlpha = 1;
  ctx.globalCompositeOperation = 'source-over';
}
