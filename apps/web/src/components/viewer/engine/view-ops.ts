import { zoomAt, type Point } from '@tessera/tiling';
import type { Viewport, ViewerImage } from './types';

export const MAX_ZOOM = 64;

/** Whole image centred, with a small margin. */
export function fitViewport(image: Pick<ViewerImage, 'width' | 'height'>, screenWidth: number, screenHeight: number): Viewport {
  const zoom = Math.min(screenWidth / image.width, screenHeight / image.height) * 0.96;
  return { center: { x: image.width / 2, y: image.height / 2 }, zoom: zoom > 0 ? zoom : 1, screenWidth, screenHeight };
}

export function minZoom(image: Pick<ViewerImage, 'width' | 'height'>, vp: Viewport): number {
  return Math.min(fitViewport(image, vp.screenWidth, vp.screenHeight).zoom / 2, 1);
}

/** Zoom by a factor about a screen point, kept between a quarter of "fit" and 64 screen pixels per image pixel. */
export function zoomClamped(image: Pick<ViewerImage, 'width' | 'height'>, vp: Viewport, at: Point, factor: number): Viewport {
  const target = Math.min(MAX_ZOOM, Math.max(minZoom(image, vp), vp.zoom * factor));
  return zoomAt(vp, at, target / vp.zoom);
}

/** One image pixel per device pixel, about the screen centre. */
export function oneToOne(vp: Viewport, pixelRatio = 1): Viewport {
  return { ...vp, zoom: 1 / pixelRatio };
}

/** Keeps the image centre within the image bounds (so the image can never be lost off screen). */
export function clampCenter(image: Pick<ViewerImage, 'width' | 'height'>, vp: Viewport): Viewport {
  const x = Math.min(image.width, Math.max(0, vp.center.x));
  const y = Math.min(image.height, Math.max(0, vp.center.y));
  return x === vp.center.x && y === vp.center.y ? vp : { ...vp, center: { x, y } };
}

/** Scale bar: a 1-2-5 length in µm (or nm/mm) whose screen length is close to `targetPx`. */
export function scaleBar(micronsPerPixel: number, zoom: number, targetPx = 120): { px: number; label: string } | null {
  if (!(micronsPerPixel > 0) || !(zoom > 0)) return null;
  const umPerScreenPx = micronsPerPixel / zoom;
  const ideal = umPerScreenPx * targetPx;
  const pow = 10 ** Math.floor(Math.log10(ideal));
  const step = [1, 2, 5, 10].map((m) => m * pow).filter((v) => v <= ideal).at(-1) ?? pow;
  const px = step / umPerScreenPx;
  const label = step >= 1000 ? `${fmt(step / 1000)} mm` : step >= 1 ? `${fmt(step)} µm` : `${fmt(step * 1000)} nm`;
  return { px, label };
}

const fmt = (v: number) => String(Number(v.toPrecision(3)));

/** Display window from the stored histogram's percentiles (nearest rank, interpolated inside wide bins). */
export function histogramPercentiles(h: { counts: number[]; edges: number[]; total: number; min: number; max: number }, ps: number[]): number[] {
  return ps.map((p) => {
    if (h.total === 0) return h.min;
    const target = Math.max(1, Math.ceil((p * h.total) / 100 - 1e-9));
    let cum = 0;
    for (let i = 0; i < h.counts.length; i++) {
      const c = h.counts[i]!;
      if (cum + c >= target) {
        const lo = h.edges[i]!;
        const width = h.edges[i + 1]! - lo;
        return width <= 1 ? lo : Math.min(lo + width - 1, lo + Math.floor(((target - cum) / c) * width));
      }
      cum += c;
    }
    return h.max;
  });
}

export function autoWindow(h: Parameters<typeof histogramPercentiles>[0], low = 0.1, high = 99.9): [number, number] {
  const [a, b] = histogramPercentiles(h, [low, high]) as [number, number];
  return [a, Math.max(a + (h.max > h.min ? 1e-6 : 0), b)];
}
