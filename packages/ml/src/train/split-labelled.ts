import { Rng } from './rng';
import type { TrainingImage } from './training-data';

export interface LabelledSplit {
  readonly train: TrainingImage[];
  readonly validation: TrainingImage[];
}

/**
 * Splits the labelled areas of each image into training and validation by square blocks (seeded): a block goes to
 * validation with probability `fraction`. Both halves keep the whole image; only their label maps differ, so
 * validation pixels are never trained on and patches near a block edge still see real context.
 */
export function splitLabelledAreas(images: readonly TrainingImage[], fraction: number, seed: number, block = 64): LabelledSplit {
  const rng = new Rng(seed);
  const train: TrainingImage[] = [], validation: TrainingImage[] = [];
  for (const img of images) {
    const bw = Math.ceil(img.width / block), bh = Math.ceil(img.height / block);
    const toVal = Array.from({ length: bw * bh }, () => rng.next() < fraction);
    const tl = new Uint8Array(img.labels.length), vl = new Uint8Array(img.labels.length);
    for (let y = 0; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) {
        const i = y * img.width + x;
        if (toVal[Math.floor(y / block) * bw + Math.floor(x / block)]) vl[i] = img.labels[i] as number;
        else tl[i] = img.labels[i] as number;
      }
    }
    train.push({ ...img, labels: tl });
    validation.push({ ...img, labels: vl });
  }
  return { train, validation };
}
