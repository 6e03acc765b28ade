import { describe, expect, it } from 'vitest';
import { planFrame } from './frame-plan';
import { chunkRefKey, type ViewerImage } from './types';
import { fitViewport } from './view-ops';

const image: ViewerImage = {
  width: 2000, height: 1000, sizeC: 2, sizeZ: 3, sizeT: 1, dtype: 'uint16', chunkSize: 256,
  levels: [{ width: 2000, height: 1000, downsample: 1 }, { width: 1000, height: 500, downsample: 2 }, { width: 500, height: 250, downsample: 4 }, { width: 250, height: 125, downsample: 8 }],
  channels: [],
};

describe('planFrame', () => {
  it('at "fit" picks the level that matches the zoom and wants its chunks for each channel, centre first, plus the top level', () => {
    const vp = fitViewport(image, 800, 400); // zoom 0.384 → level 1 (ds 2 × 0.384 ≤ 1; ds 4 × 0.384 > 1)
    const plan = planFrame({ image, viewport: vp, z: 1, t: 0, channels: [0, 1], isLoaded: () => false });
    expect(plan.level).toBe(1);
    expect(plan.complete).toBe(false);
    expect(plan.draws).toEqual([]);
    const level1 = plan.wanted.filter((r) => r.level === 1);
    expect(level1).toHaveLength(4 * 2 * 2); // 1000×500 at 256 → 4 × 2 chunks, 2 channels
    expect(level1.every((r) => r.z === 1 && r.t === 0)).toBe(true);
    expect([level1[0]!.cx, level1[0]!.cy]).toEqual([1, 0]); // nearest the centre
    expect(plan.wanted.filter((r) => r.level === 3).map((r) => r.c)).toEqual([0, 1]);
  });
  it('uses the device pixel ratio: a 2× screen asks for a finer level', () => {
    const vp = fitViewport(image, 800, 400);
    expect(planFrame({ image, viewport: vp, pixelRatio: 2, z: 0, t: 0, channels: [0], isLoaded: () => false }).level).toBe(0);
  });
  it('draws a loaded coarser ancestor clipped to each missing chunk, and the chunk itself once loaded', () => {
    const vp = { center: { x: 128, y: 128 }, zoom: 1, screenWidth: 256, screenHeight: 256 }; // exactly chunk (0,0) of level 0
    const top = new Set(['3/0/0/0/0/0']);
    const plan = planFrame({ image, viewport: vp, z: 0, t: 0, channels: [0], isLoaded: (k) => top.has(k) });
    expect(plan.level).toBe(0);
    expect(plan.draws).toEqual([{ level: 3, cx: 0, cy: 0, dest: { x: 0, y: 0, w: 2048, h: 2048 }, clip: { x: 0, y: 0, w: 256, h: 256 } }]);
    const loaded = new Set([...top, chunkRefKey({ level: 0, t: 0, c: 0, z: 0, cy: 0, cx: 0 })]);
    const done = planFrame({ image, viewport: vp, z: 0, t: 0, channels: [0], isLoaded: (k) => loaded.has(k) });
    expect(done.complete).toBe(true);
    expect(done.draws).toEqual([{ level: 0, cx: 0, cy: 0, dest: { x: 0, y: 0, w: 256, h: 256 }, clip: { x: 0, y: 0, w: 256, h: 256 } }]);
    expect(done.wanted).toEqual([]);
  });
  it('a chunk counts as loaded only when every visible channel is', () => {
    const vp = { center: { x: 128, y: 128 }, zoom: 1, screenWidth: 256, screenHeight: 256 };
    const one = new Set(['0/0/0/0/0/0']);
    const plan = planFrame({ image, viewport: vp, z: 0, t: 0, channels: [0, 1], isLoaded: (k) => one.has(k) });
    expect(plan.complete).toBe(false);
    expect(plan.wanted[0]).toEqual({ level: 0, t: 0, c: 1, z: 0, cy: 0, cx: 0 });
  });
});
