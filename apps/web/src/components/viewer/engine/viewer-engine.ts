import { panBy, screenToImage, type Point } from '@tessera/tiling';
import { workerChunkFetcher } from './chunk-fetcher';
import { ChunkStore } from './chunk-store';
import { planFrame } from './frame-plan';
import { GlRenderer, textureFormat, type DrawChannel } from './gl-renderer';
import { chunkRefKey, type ChannelDisplay, type ChunkRef, type Viewport, type ViewerImage } from './types';
import { clampCenter, fitViewport, oneToOne, zoomClamped } from './view-ops';

export interface ViewerState { viewport: Viewport; z: number; t: number; channels: ChannelDisplay[]; level: number; complete: boolean }

const hexToRgb = (hex: string): [number, number, number] => {
  const n = Number.parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
};

/**
 * The viewer: owns the viewport, the plane (z, t), channel display settings, the chunk store and the GPU renderer.
 * Renders on demand (one requestAnimationFrame per change). Framework-free: the React wrapper only forwards input.
 */
export class ViewerEngine {
  private readonly renderer: GlRenderer;
  private readonly store: ChunkStore;
  private readonly fetcher = workerChunkFetcher();
  private readonly listeners = new Set<(s: ViewerState) => void>();
  private state: ViewerState;
  private frame = 0;
  private readonly kind: 'uint' | 'float';

  constructor(
    private readonly canvas: HTMLCanvasElement,
    readonly image: ViewerImage,
    chunkUrl: (ref: ChunkRef) => string,
    opts: { pixelRatio?: number; channels?: ChannelDisplay[] } = {},
  ) {
    this.renderer = new GlRenderer(canvas);
    const fmt = textureFormat(this.renderer.gl, image.dtype);
    this.kind = fmt.kind;
    this.store = new ChunkStore({
      url: chunkUrl,
      dtype: image.dtype,
      codec: (ref) => image.levels[ref.level]?.compressor ?? null,
      fetch: this.fetcher.fetch,
      upload: (samples) => this.renderer.createTexture(fmt, image.chunkSize, samples),
      release: (tex) => this.renderer.deleteTexture(tex),
      onLoad: () => this.requestRender(),
    });
    const rect = canvas.getBoundingClientRect();
    this.pixelRatio = opts.pixelRatio ?? 1;
    this.state = {
      viewport: fitViewport(image, rect.width || 800, rect.height || 600),
      z: Math.floor(image.sizeZ / 2),
      t: 0,
      channels: opts.channels ?? image.channels.map((c) => ({ visible: true, color: c.color, min: c.contrast[0], max: c.contrast[1] })),
      level: 0,
      complete: false,
    };
    this.requestRender();
  }

  pixelRatio: number;

  getState(): ViewerState {
    return this.state;
  }

  subscribe(fn: (s: ViewerState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private update(patch: Partial<ViewerState>) {
    this.state = { ...this.state, ...patch };
    this.requestRender();
  }

  setViewport(vp: Viewport) { this.update({ viewport: clampCenter(this.image, vp) }); }
  resize(width: number, height: number) { this.update({ viewport: { ...this.state.viewport, screenWidth: width, screenHeight: height } }); }
  pan(dx: number, dy: number) { this.setViewport(panBy(this.state.viewport, dx, dy)); }
  zoom(factor: number, at?: Point) {
    const vp = this.state.viewport;
    this.setViewport(zoomClamped(this.image, vp, at ?? { x: vp.screenWidth / 2, y: vp.screenHeight / 2 }, factor));
  }
  fit() { const vp = this.state.viewport; this.update({ viewport: fitViewport(this.image, vp.screenWidth, vp.screenHeight) }); }
  oneToOne() { this.update({ viewport: oneToOne(this.state.viewport, this.pixelRatio) }); }
  setPlane(z: number, t: number) { this.update({ z, t }); }
  setChannel(index: number, patch: Partial<ChannelDisplay>) {
    this.update({ channels: this.state.channels.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  }

  toImage(screen: Point): Point { return screenToImage(this.state.viewport, screen); }

  /** Values of every channel at an image point, from the finest loaded level (null where nothing is loaded yet). */
  valuesAt(p: Point): { level: number; values: (number | null)[] } | null {
    const { image } = this;
    if (p.x < 0 || p.y < 0 || p.x >= image.width || p.y >= image.height) return null;
    const cs = image.chunkSize;
    for (let level = 0; level < image.levels.length; level++) {
      const ds = image.levels[level]!.downsample;
      const lx = Math.floor(p.x / ds);
      const ly = Math.floor(p.y / ds);
      const values = this.state.channels.map((_, c) => {
        const chunk = this.store.get(chunkRefKey({ level, t: this.state.t, c, z: this.state.z, cy: Math.floor(ly / cs), cx: Math.floor(lx / cs) }));
        return chunk ? (chunk.samples[(ly % cs) * cs + (lx % cs)] ?? null) : null;
      });
      if (values.some((v) => v !== null)) return { level, values };
    }
    return null;
  }

  requestRender() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render() {
    const { viewport: vp, z, t, channels } = this.state;
    const visible = channels.flatMap((c, i) => (c.visible ? [i] : []));
    const plan = planFrame({ image: this.image, viewport: vp, pixelRatio: this.pixelRatio, z, t, channels: visible, isLoaded: this.store.has });
    this.store.want(plan.wanted);
    this.renderer.begin(vp.screenWidth, vp.screenHeight, this.pixelRatio);
    const screen = { w: vp.screenWidth, h: vp.screenHeight, ratio: this.pixelRatio };
    for (const d of plan.draws) {
      const draws: DrawChannel[] = [];
      for (const c of visible) {
        const chunk = this.store.get(chunkRefKey({ level: d.level, t, c, z, cy: d.cy, cx: d.cx }));
        const ch = channels[c]!;
        if (chunk) draws.push({ texture: chunk.texture, color: hexToRgb(ch.color), min: ch.min, max: ch.max });
      }
      this.renderer.drawChunk(this.kind, screen, d.dest, d.clip, this.image.chunkSize, draws);
    }
    const complete = plan.complete && visible.length > 0;
    this.canvas.dataset.painted = complete ? 'true' : 'false';
    this.state = { ...this.state, level: plan.level, complete };
    for (const fn of this.listeners) fn(this.state);
  }

  destroy() {
    cancelAnimationFrame(this.frame);
    this.store.destroy();
    this.fetcher.close();
    this.listeners.clear();
  }
}
