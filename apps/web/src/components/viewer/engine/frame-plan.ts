import { chunkRect, chunksInRect, imageToScreen, selectPyramidLevel, visibleImageRect, type Rect } from '@tessera/tiling';
import { chunkRefKey, type ChunkRef, type Viewport, type ViewerImage } from './types';

/** One textured quad per visible channel: chunk (level, cx, cy) drawn at `dest`, clipped to `clip` (screen px). */
export interface ChunkDraw { level: number; cx: number; cy: number; dest: Rect; clip: Rect }

export interface FramePlan {
  /** The level that matches the zoom. */
  level: number;
  draws: ChunkDraw[];
  /** Chunks to load, most important first (target level, nearest the centre; then the coarsest level). */
  wanted: ChunkRef[];
  /** True when every target chunk of every visible channel is loaded: the frame is fully painted. */
  complete: boolean;
}

export interface PlanInput {
  image: ViewerImage;
  viewport: Viewport;
  /** Device pixels per CSS pixel: levels are chosen for the screen's real resolution. */
  pixelRatio?: number;
  z: number;
  t: number;
  channels: number[];
  isLoaded: (key: string) => boolean;
}

const intersect = (a: Rect, b: Rect): Rect | null => {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const w = Math.min(a.x + a.w, b.x + b.w) - x;
  const h = Math.min(a.y + a.h, b.y + b.h) - y;
  return w > 0 && h > 0 ? { x, y, w, h } : null;
};

/** Screen rectangle of a level-pixel rectangle. */
function levelRectToScreen(vp: Viewport, r: Rect, ds: number): Rect {
  const tl = imageToScreen(vp, { x: r.x * ds, y: r.y * ds });
  return { x: tl.x, y: tl.y, w: r.w * ds * vp.zoom, h: r.h * ds * vp.zoom };
}

/**
 * Decides what to draw this frame. Each visible chunk of the target level is drawn from the finest level at which
 * all visible channels are loaded (the chunk itself, or the ancestor that covers it), clipped to the chunk's area so
 * coarse stand-ins never double-draw; additive channel blending stays exact.
 */
export function planFrame(input: PlanInput): FramePlan {
  const { image, viewport: vp, z, t, channels, isLoaded } = input;
  const cs = image.chunkSize;
  const downsamples = image.levels.map((l) => l.downsample);
  const level = selectPyramidLevel(downsamples, vp.zoom * (input.pixelRatio ?? 1));
  const ds = downsamples[level]!;
  const grid = (l: number) => ({ width: image.levels[l]!.width, height: image.levels[l]!.height, chunkWidth: cs, chunkHeight: cs });
  const view = visibleImageRect(vp);
  const screen: Rect = { x: 0, y: 0, w: vp.screenWidth, h: vp.screenHeight };
  const targets = chunksInRect(grid(level), { x: view.x / ds, y: view.y / ds, w: view.w / ds, h: view.h / ds });
  const centre = { x: (view.x + view.w / 2) / ds / cs, y: (view.y + view.h / 2) / ds / cs };
  targets.sort((a, b) => Math.hypot(a.cx + 0.5 - centre.x, a.cy + 0.5 - centre.y) - Math.hypot(b.cx + 0.5 - centre.x, b.cy + 0.5 - centre.y));
  const ref = (l: number, cx: number, cy: number, c: number): ChunkRef => ({ level: l, t, c, z, cy, cx });
  const allLoaded = (l: number, cx: number, cy: number) => channels.every((c) => isLoaded(chunkRefKey(ref(l, cx, cy, c))));
  const draws: ChunkDraw[] = [];
  const wanted: ChunkRef[] = [];
  let complete = true;
  for (const { cx, cy } of targets) {
    const area = intersect(levelRectToScreen(vp, chunkRect(grid(level), { cx, cy }), ds), screen);
    if (!area) continue;
    if (!allLoaded(level, cx, cy)) {
      complete = false;
      for (const c of channels) if (!isLoaded(chunkRefKey(ref(level, cx, cy, c)))) wanted.push(ref(level, cx, cy, c));
    }
    for (let l = level; l < image.levels.length; l++) {
      const shift = l - level;
      const pcx = cx >> shift;
      const pcy = cy >> shift;
      if (!allLoaded(l, pcx, pcy)) continue;
      const lds = downsamples[l]!;
      draws.push({ level: l, cx: pcx, cy: pcy, dest: levelRectToScreen(vp, { x: pcx * cs, y: pcy * cs, w: cs, h: cs }, lds), clip: area });
      break;
    }
  }
  const top = image.levels.length - 1;
  for (const { cx, cy } of chunksInRect(grid(top), { x: 0, y: 0, w: image.levels[top]!.width, h: image.levels[top]!.height })) {
    for (const c of channels) if (!isLoaded(chunkRefKey(ref(top, cx, cy, c)))) wanted.push(ref(top, cx, cy, c));
  }
  return { level, draws, wanted: dedupe(wanted), complete };
}

function dedupe(refs: ChunkRef[]): ChunkRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = chunkRefKey(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
