import { ImagingError } from '../errors';
import { isIntegerDType, type Raster } from '../types';

export interface Histogram {
  /** counts[i] = number of values in [edges[i], edges[i+1]); the last bin also holds `max`. */
  counts: number[];
  edges: number[];
  /** Range the bins cover. For integer data, bins are aligned to whole values (see `histogram`). */
  min: number;
  max: number;
  /** Values counted (NaN and values outside [min, max] excluded). */
  total: number;
  /** Integer data: edges are whole values and a bin holds the values edges[i] … edges[i+1] − 1. */
  integer: boolean;
}

/**
 * Histogram of one channel. Without `range`, it covers the channel's own [min, max]. For integer dtypes, bins
 * cover whole values: bin width = ceil((max − min + 1) / bins) and the number of bins shrinks to fit, so when
 * the range has ≤ `bins` values each bin is exactly one value and percentiles are exact.
 */
export function histogram(raster: Raster, channel = 0, bins = 256, range?: [number, number]): Histogram {
  const { data, channels } = raster;
  if (!(channel >= 0 && channel < channels)) throw new ImagingError('invalid-argument', `Channel ${channel} does not exist.`);
  if (!(Number.isInteger(bins) && bins > 0)) throw new ImagingError('invalid-argument', 'bins must be a positive integer.');
  let [lo, hi] = range ?? [Infinity, -Infinity];
  if (!range) {
    for (let i = channel; i < data.length; i += channels) {
      const v = data[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (lo > hi) lo = hi = 0; // empty or all NaN
  }
  const integer = isIntegerDType(raster.dtype);
  let width: number;
  let n = bins;
  if (integer) {
    lo = Math.ceil(lo);
    hi = Math.floor(hi);
    width = Math.max(1, Math.ceil((hi - lo + 1) / bins));
    n = Math.max(1, Math.ceil((hi - lo + 1) / width));
  } else {
    width = hi > lo ? (hi - lo) / bins : 1;
  }
  const counts = new Array<number>(n).fill(0);
  let total = 0;
  for (let i = channel; i < data.length; i += channels) {
    const v = data[i]!;
    if (!(v >= lo && v <= hi)) continue;
    counts[Math.min(n - 1, Math.floor((v - lo) / width))]!++;
    total++;
  }
  const edges = Array.from({ length: n + 1 }, (_, i) => (i === n && !integer ? hi : lo + i * width));
  return { counts, edges, min: lo, max: hi, total, integer };
}

/**
 * Value at each percentile p (0–100) of a histogram: the lower edge of the first bin where the cumulative count
 * reaches p% of the total, interpolated linearly inside that bin when a bin spans more than one value.
 * For integer histograms with one value per bin this is the exact nearest-rank percentile.
 */
export function percentiles(hist: Histogram, ps: number[]): number[] {
  const { integer } = hist;
  return ps.map((p) => {
    if (hist.total === 0) return hist.min;
    const target = Math.max(1, Math.ceil((Math.min(100, Math.max(0, p)) * hist.total) / 100 - 1e-9));
    let cum = 0;
    for (let i = 0; i < hist.counts.length; i++) {
      const c = hist.counts[i]!;
      if (cum + c >= target) {
        const lo = hist.edges[i]!;
        const width = hist.edges[i + 1]! - lo;
        if (integer && width === 1) return lo;
        const frac = (target - cum) / c;
        const value = lo + frac * width;
        return integer ? Math.min(Math.floor(value), lo + width - 1) : value;
      }
      cum += c;
    }
    return hist.max;
  });
}

/** Display range for auto-contrast: the [low, high] percentiles (default 0.1 % and 99.9 %) of a channel. */
export function autoContrast(hist: Histogram, low = 0.1, high = 99.9): { min: number; max: number } {
  const [min, max] = percentiles(hist, [low, high]) as [number, number];
  return { min, max: Math.max(min, max) };
}
