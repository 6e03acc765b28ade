import type { InputNormalisation } from '../model/build-inference-graph';
import type { Rng } from './rng';
import { TrainingDataError, type AugmentConfig, type Batch, type TrainingImage } from './training-data';

export interface SamplerOptions {
  readonly batch: number;
  readonly patch: number;
  /** Output channels of the network (classes for softmax; maps for sigmoid). */
  readonly outChannels: number;
  readonly head: 'softmax' | 'sigmoid';
  /** Weight per class (label − 1); default 1. */
  readonly classWeights?: readonly number[];
  readonly augment: AugmentConfig | null;
}

/** Samples batches of patches centred near labelled pixels, with augmentations, as NCHW tensors. */
export class PatchSampler {
  private readonly labelled: Int32Array[];
  private readonly usable: number[];

  constructor(
    private readonly images: readonly TrainingImage[],
    private readonly norms: readonly InputNormalisation[],
    private readonly opts: SamplerOptions,
  ) {
    this.labelled = images.map((img) => {
      const idx: number[] = [];
      for (let i = 0; i < img.labels.length; i++) if (img.labels[i]) idx.push(i);
      return Int32Array.from(idx);
    });
    this.usable = this.labelled.flatMap((l, i) => (l.length > 0 ? [i] : []));
    if (this.usable.length === 0) throw new TrainingDataError('no labelled pixel in any training image');
  }

  nextBatch(rng: Rng): Batch {
    const { batch: n, patch: p, outChannels: k } = this.opts;
    const c = this.images[0]?.channels ?? 1;
    const x = new Float32Array(n * c * p * p);
    const target = new Float32Array(n * k * p * p);
    const mask = new Float32Array(n * p * p);
    for (let b = 0; b < n; b++) this.samplePatch(rng, b, x, target, mask);
    return { x, target, mask };
  }

  private samplePatch(rng: Rng, b: number, x: Float32Array, target: Float32Array, mask: Float32Array): void {
    const { patch: p, outChannels: k, head, classWeights, augment } = this.opts;
    const ii = this.usable[rng.int(this.usable.length)] as number;
    const img = this.images[ii] as TrainingImage;
    const norm = this.norms[ii] as InputNormalisation;
    const lab = this.labelled[ii] as Int32Array;
    const centre = lab[rng.int(lab.length)] as number;
    const cy = Math.floor(centre / img.width), cx = centre % img.width;
    const clamp = (v: number, size: number): number => (size <= p ? 0 : Math.min(Math.max(v, 0), size - p));
    const y0 = clamp(cy - rng.int(p), img.height), x0 = clamp(cx - rng.int(p), img.width);
    const flipY = augment?.flips ? rng.next() < 0.5 : false;
    const flipX = augment?.flips ? rng.next() < 0.5 : false;
    const rot = augment?.rot90 ? rng.int(4) : 0;
    const s = augment ? 1 + rng.uniform(-augment.intensityScale, augment.intensityScale) : 1;
    const gamma = augment ? 1 + rng.uniform(-augment.gamma, augment.gamma) : 1;
    const sigma = augment ? rng.uniform(0, augment.noise) : 0;
    const c = img.channels, pp = p * p;
    for (let v = 0; v < p; v++) {
      for (let u = 0; u < p; u++) {
        // Destination (v, u) reads source (sy, sx) of the patch after rot90 and flips.
        let sy = v, sx = u;
        for (let r = 0; r < rot; r++) [sy, sx] = [sx, p - 1 - sy];
        if (flipY) sy = p - 1 - sy;
        if (flipX) sx = p - 1 - sx;
        const yy = y0 + sy, xx = x0 + sx;
        const inside = yy < img.height && xx < img.width;
        const src = yy * img.width + xx;
        const dst = v * p + u;
        for (let ch = 0; ch < c; ch++) {
          let val = inside ? ((img.data[src * c + ch] as number) - (norm.offset[ch] as number)) * (norm.scale[ch] as number) : 0;
          if (gamma !== 1 && val > 0) val = val ** gamma;
          val *= s;
          if (sigma > 0) val += sigma * rng.normal();
          x[(b * c + ch) * pp + dst] = val;
        }
        const label = inside ? (img.labels[src] as number) : 0;
        if (label === 0) continue;
        const cls = label - 1;
        mask[b * pp + dst] = classWeights?.[cls] ?? 1;
        if (head === 'softmax') target[(b * k + cls) * pp + dst] = 1;
        else if (cls > 0) target[b * k * pp + dst] = 1;
      }
    }
  }
}
