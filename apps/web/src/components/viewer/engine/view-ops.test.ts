import { describe, expect, it } from 'vitest';
import { screenToImage } from '@tessera/tiling';
import { autoWindow, clampCenter, fitViewport, histogramPercentiles, oneToOne, scaleBar, zoomClamped } from './view-ops';

describe('viewport operations', () => {
  const image = { width: 1000, height: 500 };
  it('fit centres the whole image; 1:1 is one image pixel per device pixel', () => {
    const vp = fitViewport(image, 800, 600);
    expect(vp.center).toEqual({ x: 500, y: 250 });
    expect(vp.zoom).toBeCloseTo(0.768);
    expect(oneToOne(vp, 2).zoom).toBe(0.5);
  });
  it('zoom keeps the point under the cursor fixed and is clamped', () => {
    const vp = fitViewport(image, 800, 600);
    const at = { x: 100, y: 200 };
    const before = screenToImage(vp, at);
    const z = zoomClamped(image, vp, at, 4);
    expect(screenToImage(z, at).x).toBeCloseTo(before.x);
    expect(screenToImage(z, at).y).toBeCloseTo(before.y);
    expect(zoomClamped(image, vp, at, 1e6).zoom).toBe(64);
    expect(zoomClamped(image, vp, at, 1e-6).zoom).toBeCloseTo(0.384);
    expect(clampCenter(image, { ...vp, center: { x: -50, y: 900 } }).center).toEqual({ x: 0, y: 500 });
  });
  it('scale bar picks a 1-2-5 length near the target width', () => {
    expect(scaleBar(0.5, 1)).toEqual({ px: 100, label: '50 µm' });
    expect(scaleBar(0.1, 10, 100)).toEqual({ px: 100, label: '1 µm' });
    expect(scaleBar(0.065, 40, 120)!.label).toBe('100 nm');
    expect(scaleBar(2, 0.01, 120)!.label).toBe('20 mm');
    expect(scaleBar(0, 1)).toBeNull();
  });
  it('auto contrast: percentiles of the stored histogram', () => {
    const h = { counts: [10, 980, 10], edges: [0, 1, 2, 3], min: 0, max: 2, total: 1000 };
    expect(histogramPercentiles(h, [0.1, 1, 50, 99, 99.9])).toEqual([0, 0, 1, 1, 2]);
    const wide = { counts: [0, 100, 0, 0], edges: [0, 100, 200, 300, 400], min: 0, max: 399, total: 100 };
    expect(autoWindow(wide, 0, 100)).toEqual([101, 199]); // same rule as @tessera/imaging percentiles
  });
});
