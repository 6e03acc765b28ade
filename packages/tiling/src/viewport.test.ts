import { describe, expect, it } from 'vitest';
import {
  chunkIndexAt, chunkRect, chunksInRect, imageToScreen, panBy, screenToImage, selectPyramidLevel, visibleChunks,
  visibleImageRect, zoomAt, imageToLevel, levelToImage,
} from './viewport';

const vp = { center: { x: 1000, y: 500 }, zoom: 0.5, screenWidth: 800, screenHeight: 600 };

describe('viewport', () => {
  it('maps image <-> screen both ways', () => {
    expect(imageToScreen(vp, { x: 1000, y: 500 })).toEqual({ x: 400, y: 300 });
    expect(imageToScreen(vp, { x: 1200, y: 400 })).toEqual({ x: 500, y: 250 });
    expect(screenToImage(vp, { x: 500, y: 250 })).toEqual({ x: 1200, y: 400 });
    expect(visibleImageRect(vp)).toEqual({ x: 200, y: -100, w: 1600, h: 1200 });
  });

  it('zooms about the pointer and pans with it', () => {
    const z = zoomAt(vp, { x: 100, y: 50 }, 2);
    expect(z.zoom).toBe(1);
    expect(screenToImage(z, { x: 100, y: 50 })).toEqual(screenToImage(vp, { x: 100, y: 50 }));
    const p = panBy(vp, 10, -20);
    expect(imageToScreen(p, { x: 1000, y: 500 })).toEqual({ x: 410, y: 280 });
  });

  it('chooses the pyramid level and the chunks', () => {
    const ds = [1, 2, 4, 8];
    expect(selectPyramidLevel(ds, 1)).toBe(0);
    expect(selectPyramidLevel(ds, 0.5)).toBe(1);
    expect(selectPyramidLevel(ds, 0.3)).toBe(1);
    expect(selectPyramidLevel(ds, 0.01)).toBe(3);
    expect(selectPyramidLevel(ds, 4)).toBe(0);
    expect(imageToLevel({ x: 10, y: 6 }, 2)).toEqual({ x: 5, y: 3 });
    expect(levelToImage({ x: 5, y: 3 }, 2)).toEqual({ x: 10, y: 6 });
    const grid = { width: 1000, height: 700, chunkWidth: 256, chunkHeight: 256 };
    expect(chunkIndexAt(grid, { x: 511, y: 512 })).toEqual({ cx: 1, cy: 2 });
    expect(chunkRect(grid, { cx: 3, cy: 2 })).toEqual({ x: 768, y: 512, w: 232, h: 188 });
    expect(chunksInRect(grid, { x: -50, y: 600, w: 300, h: 1000 })).toEqual([{ cx: 0, cy: 2 }]);
    const grids = ds.map((d) => ({ width: Math.ceil(4000 / d), height: Math.ceil(2000 / d), chunkWidth: 256, chunkHeight: 256 }));
    const v = visibleChunks(vp, ds, grids);
    expect(v.level).toBe(1);
    // level-1 rect: x 100..900, y -50..550 -> chunks cx 0..3, cy 0..2
    expect(v.chunks).toHaveLength(4 * 3);
  });
});
