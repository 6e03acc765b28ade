import type { InputNormalisation } from '../model/build-inference-graph';
import type { TrainingImage } from './training-data';

const MAX_SAMPLES = 65_536;

function percentile(sorted: Float32Array, p: number): number {
  const pos = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

/**
 * Per-channel percentile normalisation of one image: `offset` = the low percentile, `scale` = 1 / (high − low),
 * so that `(x − offset) · scale` maps the [low, high] percentile range to [0, 1]. Computed on a fixed-stride
 * subsample (deterministic).
 */
export function percentileNormalisation(img: TrainingImage, low = 1, high = 99.8): InputNormalisation {
  const { width, height, channels, data } = img;
  const n = width * height;
  const stride = Math.max(1, Math.floor(n / MAX_SAMPLES));
  const offset: number[] = [], scale: number[] = [];
  for (let c = 0; c < channels; c++) {
    const sample = new Float32Array(Math.ceil(n / stride));
    for (let i = 0, j = 0; i < n; i += stride, j++) sample[j] = data[i * channels + c] as number;
    sample.sort();
    const lo = percentile(sample, low), hi = percentile(sample, high);
    offset.push(lo);
    scale.push(1 / Math.max(hi - lo, 1e-6));
  }
  return { offset, scale };
}

/** The element-wise median of several normalisations (what an exported model bakes in). */
export function medianNormalisation(list: readonly InputNormalisation[]): InputNormalisation {
  const med = (xs: number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
  };
  const channels = list[0]?.offset.length ?? 0;
  return {
    offset: Array.from({ length: channels }, (_, c) => med(list.map((n) => n.offset[c] as number))),
    scale: Array.from({ length: channels }, (_, c) => med(list.map((n) => n.scale[c] as number))),
  };
}
