/** Viewer maths: image <-> screen <-> pyramid level <-> chunk index. Pure functions, no rotation. */

export interface Point { x: number; y: number }
export interface Rect { x: number; y: number; w: number; h: number }

/** `center` is the image point at the screen centre; `zoom` is screen pixels per full-resolution image pixel. */
export interface Viewport {
  center: Point;
  zoom: number;
  screenWidth: number;
  screenHeight: number;
}

export function imageToScreen(vp: Viewport, p: Point): Point {
  return { x: (p.x - vp.center.x) * vp.zoom + vp.screenWidth / 2, y: (p.y - vp.center.y) * vp.zoom + vp.screenHeight / 2 };
}

export function screenToImage(vp: Viewport, p: Point): Point {
  return { x: (p.x - vp.screenWidth / 2) / vp.zoom + vp.center.x, y: (p.y - vp.screenHeight / 2) / vp.zoom + vp.center.y };
}

/** The full-resolution image rectangle the screen shows (may extend beyond the image). */
export function visibleImageRect(vp: Viewport): Rect {
  const tl = screenToImage(vp, { x: 0, y: 0 });
  return { x: tl.x, y: tl.y, w: vp.screenWidth / vp.zoom, h: vp.screenHeight / vp.zoom };
}

/** Zooms by `factor` keeping the image point under `screenPoint` fixed on screen. */
export function zoomAt(vp: Viewport, screenPoint: Point, factor: number): Viewport {
  const anchor = screenToImage(vp, screenPoint);
  const zoom = vp.zoom * factor;
  return {
    ...vp,
    zoom,
    center: {
      x: anchor.x - (screenPoint.x - vp.screenWidth / 2) / zoom,
      y: anchor.y - (screenPoint.y - vp.screenHeight / 2) / zoom,
    },
  };
}

/** Pans by a screen-pixel delta (content follows the pointer). */
export function panBy(vp: Viewport, dx: number, dy: number): Viewport {
  return { ...vp, center: { x: vp.center.x - dx / vp.zoom, y: vp.center.y - dy / vp.zoom } };
}

/**
 * Picks the pyramid level to draw at `zoom`: the coarsest level whose downsample factor is still <= 1/zoom
 * (so each screen pixel gets at least one level pixel). `downsamples` ascend, level 0 = 1.
 */
export function selectPyramidLevel(downsamples: readonly number[], zoom: number): number {
  let best = 0;
  for (let i = 0; i < downsamples.length; i++) {
    if ((downsamples[i] as number) * zoom <= 1 + 1e-9) best = i;
  }
  return best;
}

export function imageToLevel(p: Point, downsample: number): Point {
  return { x: p.x / downsample, y: p.y / downsample };
}

export function levelToImage(p: Point, downsample: number): Point {
  return { x: p.x * downsample, y: p.y * downsample };
}

export interface ChunkGrid {
  /** Level size in pixels. */
  width: number;
  height: number;
  chunkWidth: number;
  chunkHeight: number;
}

export interface ChunkIndex { cx: number; cy: number }

export function chunkIndexAt(grid: ChunkGrid, p: Point): ChunkIndex {
  return { cx: Math.floor(p.x / grid.chunkWidth), cy: Math.floor(p.y / grid.chunkHeight) };
}

/** The level-pixel rectangle of a chunk, clipped at the level's edge. */
export function chunkRect(grid: ChunkGrid, { cx, cy }: ChunkIndex): Rect {
  const x = cx * grid.chunkWidth;
  const y = cy * grid.chunkHeight;
  return { x, y, w: Math.min(grid.chunkWidth, grid.width - x), h: Math.min(grid.chunkHeight, grid.height - y) };
}

/** Chunks that intersect a level-pixel rectangle (clipped to the level), row by row. */
export function chunksInRect(grid: ChunkGrid, r: Rect): ChunkIndex[] {
  const x0 = Math.max(0, Math.floor(r.x / grid.chunkWidth));
  const y0 = Math.max(0, Math.floor(r.y / grid.chunkHeight));
  const x1 = Math.min(Math.ceil(grid.width / grid.chunkWidth), Math.ceil((r.x + r.w) / grid.chunkWidth));
  const y1 = Math.min(Math.ceil(grid.height / grid.chunkHeight), Math.ceil((r.y + r.h) / grid.chunkHeight));
  const out: ChunkIndex[] = [];
  for (let cy = y0; cy < y1; cy++) for (let cx = x0; cx < x1; cx++) out.push({ cx, cy });
  return out;
}

/** Everything the viewer needs for one frame: the level and the chunks to fetch. */
export function visibleChunks(
  vp: Viewport, downsamples: readonly number[], levelGrids: readonly ChunkGrid[],
): { level: number; chunks: ChunkIndex[] } {
  const level = selectPyramidLevel(downsamples, vp.zoom);
  const ds = downsamples[level] as number;
  const r = visibleImageRect(vp);
  const grid = levelGrids[level] as ChunkGrid;
  return { level, chunks: chunksInRect(grid, { x: r.x / ds, y: r.y / ds, w: r.w / ds, h: r.h / ds }) };
}
