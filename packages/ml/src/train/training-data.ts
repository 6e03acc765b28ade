import { z } from 'zod';

/** One training image: interleaved HWC float32 values (consumer units, e.g. divided by the dtype maximum) and a
 * label map: 0 = unlabelled, k = class k − 1 (for a sigmoid head, 1 = negative, 2 = positive). */
export interface TrainingImage {
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly data: Float32Array;
  readonly labels: Uint8Array | Uint16Array;
}

/** One NCHW batch: normalised input, one-hot (or 0/1) target, per-pixel weight mask (0 = unlabelled). */
export interface Batch {
  readonly x: Float32Array;
  readonly target: Float32Array;
  readonly mask: Float32Array;
}

export const AugmentConfigSchema = z.object({
  flips: z.boolean().default(true),
  rot90: z.boolean().default(true),
  /** Multiply intensities by U(1 − s, 1 + s). */
  intensityScale: z.number().min(0).max(1).default(0.2),
  /** Gamma drawn from U(1 − g, 1 + g), applied to the positive part of normalised values. */
  gamma: z.number().min(0).max(0.9).default(0.2),
  /** Additive Gaussian noise with σ ~ U(0, noise) (normalised units). */
  noise: z.number().min(0).default(0.05),
});
export type AugmentConfig = z.infer<typeof AugmentConfigSchema>;

export class TrainingDataError extends Error {
  readonly code = 'TRAINING_DATA';
}

export function checkImage(img: TrainingImage, classes: number): void {
  const n = img.width * img.height;
  if (img.data.length !== n * img.channels) throw new TrainingDataError(`image data has ${img.data.length} values, expected ${n * img.channels}`);
  if (img.labels.length !== n) throw new TrainingDataError(`label map has ${img.labels.length} pixels, expected ${n}`);
  for (let i = 0; i < n; i++) {
    if ((img.labels[i] as number) > classes) throw new TrainingDataError(`label ${img.labels[i]} at pixel ${i} exceeds ${classes} classes`);
  }
}
