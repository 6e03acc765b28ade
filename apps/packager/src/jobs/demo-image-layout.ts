/**
 * The layout of the generated demo image, shared by the generator (seed-demo-image.ts) and whoever needs to know
 * where its nuclei are (the web's demo annotations). Pure: no imports, no IO.
 */

export const DEMO_IMAGE_NAME = 'Generated cells (2-channel, 16-bit).ome.tif';
export const DEMO_IMAGE_SIZE = 2048;
export const DEMO_IMAGE_SEED = 7;
export const DEMO_NUCLEUS_COUNT = 260;

/** One nucleus: centre (x, y) and radius r in pixels; DAPI brightness added at its centre. */
export interface DemoNucleus {
  x: number;
  y: number;
  r: number;
  brightness: number;
}

/** The generator's random numbers in [0, 1): a 32-bit LCG, so the image is the same everywhere. */
export function demoRandom(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
}

/** Draws the nuclei from `rand` after the background noise (2 numbers per pixel) has been drawn. */
export function drawNuclei(rand: () => number, size: number): DemoNucleus[] {
  const out: DemoNucleus[] = [];
  for (let n = 0; n < DEMO_NUCLEUS_COUNT; n++) {
    const x = rand() * size;
    const y = rand() * size;
    const r = 14 + rand() * 16;
    const brightness = 2500 + rand() * 9000;
    out.push({ x, y, r, brightness });
  }
  return out;
}

/** The nuclei of generateDemoTiff(size, seed), in drawing order (later ones are painted over earlier ones). */
export function demoNuclei(size = DEMO_IMAGE_SIZE, seed = DEMO_IMAGE_SEED): DemoNucleus[] {
  const rand = demoRandom(seed);
  for (let i = 0; i < size * size * 2; i++) rand();
  return drawNuclei(rand, size);
}
