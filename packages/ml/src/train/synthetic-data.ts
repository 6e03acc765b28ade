import { Rng } from './rng';
import type { TrainingImage } from './training-data';

/**
 * A synthetic two-class image for tests and smoke runs: bright noisy disks on a dark noisy background.
 * `labelFraction` of the pixels keep their label (the rest are unlabelled), mimicking partial labels.
 */
export function syntheticDisks(size: number, seed: number, labelFraction = 0.3): TrainingImage {
  const rng = new Rng(seed);
  const data = new Float32Array(size * size);
  const labels = new Uint8Array(size * size);
  const disks = Array.from({ length: 6 }, () => ({ x: rng.uniform(0, size), y: rng.uniform(0, size), r: rng.uniform(size / 16, size / 8) }));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const fg = disks.some((d) => (x - d.x) ** 2 + (y - d.y) ** 2 < d.r ** 2);
      const i = y * size + x;
      data[i] = (fg ? 0.6 : 0.2) + 0.08 * rng.normal();
      if (rng.next() < labelFraction) labels[i] = fg ? 2 : 1;
    }
  }
  return { width: size, height: size, channels: 1, data, labels };
}
