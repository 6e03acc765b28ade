import { histogram, percentiles, type DType, type Histogram, type Raster } from '@tessera/imaging';

export interface ChannelStats {
  min: number;
  max: number;
  /** At most 256 bins over [min, max] (integer-aligned for integer data). */
  histogram: Histogram;
  /** Auto-contrast window: 0.1 / 99.9 percentiles (exact over every pixel for 8/16-bit unsigned data). */
  contrast: [number, number];
}

const HIST_BINS = 256;
const LOW = 0.1;
const HIGH = 99.9;

/** One band's share of the statistics: exact value counts (8/16-bit unsigned) or min/max per channel. */
export interface BandStats {
  counts?: Uint32Array[];
  mins: number[];
  maxs: number[];
}

const countedValues = (dtype: DType) => (dtype === 'uint8' ? 256 : dtype === 'uint16' ? 65536 : 0);

/**
 * Counts (or bounds) every sample of a band, per channel; merged in any order by ChannelStatsAccumulator. (Bands of
 * two 16-bit channels are counted while they are cut into chunks instead: band-task.ts.)
 */
export function bandStats(band: Raster): BandStats {
  const { data, channels: C } = band;
  const n = countedValues(band.dtype);
  const out: BandStats = { counts: n ? [] : undefined, mins: [], maxs: [] };
  for (let c = 0; c < C; c++) {
    let lo = Infinity;
    let hi = -Infinity;
    if (n) {
      const counts = new Uint32Array(n);
      for (let i = c; i < data.length; i += C) counts[data[i]!]!++;
      out.counts!.push(counts);
    } else {
      for (let i = c; i < data.length; i += C) {
        const v = data[i]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    out.mins.push(lo);
    out.maxs.push(hi);
  }
  return out;
}

/**
 * Accumulates per-channel statistics over full-resolution bands. 8- and 16-bit unsigned data are counted exactly
 * (one counter per value); other types track min/max here and take their histogram from a small pyramid level.
 */
export class ChannelStatsAccumulator {
  private readonly counts: Uint32Array[] | undefined;
  private readonly mins: number[];
  private readonly maxs: number[];

  constructor(readonly channels: number, readonly dtype: DType) {
    const n = countedValues(dtype);
    this.counts = n ? Array.from({ length: channels }, () => new Uint32Array(n)) : undefined;
    this.mins = new Array<number>(channels).fill(Infinity);
    this.maxs = new Array<number>(channels).fill(-Infinity);
  }

  merge(part: BandStats): void {
    for (let c = 0; c < this.channels; c++) {
      const into = this.counts?.[c];
      const from = part.counts?.[c];
      if (into && from) for (let v = 0; v < into.length; v++) into[v]! += from[v]!;
      this.mins[c] = Math.min(this.mins[c]!, part.mins[c]!);
      this.maxs[c] = Math.max(this.maxs[c]!, part.maxs[c]!);
    }
  }

  /** `sample` (a small pyramid level of the first plane) provides histograms for types counted only by min/max. */
  finish(sample: Raster): ChannelStats[] {
    return Array.from({ length: this.channels }, (_, c) => {
      const counts = this.counts?.[c];
      if (counts) return exactStats(counts);
      const lo = Number.isFinite(this.mins[c]!) ? this.mins[c]! : 0;
      const hi = Number.isFinite(this.maxs[c]!) ? this.maxs[c]! : 0;
      const h = histogram(sample, c, HIST_BINS, [lo, hi]);
      const [a, b] = percentiles(h, [LOW, HIGH]) as [number, number];
      return { min: lo, max: hi, histogram: h, contrast: [a, Math.max(a, b)] };
    });
  }
}

function exactStats(counts: Uint32Array): ChannelStats {
  let lo = 0;
  let hi = -1;
  for (let v = 0; v < counts.length; v++) if (counts[v]) { lo = v; break; }
  for (let v = counts.length - 1; v >= 0; v--) if (counts[v]) { hi = v; break; }
  if (hi < lo) {
    const empty: Histogram = { counts: [0], edges: [0, 1], min: 0, max: 0, total: 0, integer: true };
    return { min: 0, max: 0, histogram: empty, contrast: [0, 0] };
  }
  const full = Array.from(counts.subarray(lo, hi + 1));
  const total = full.reduce((s, n) => s + n, 0);
  const exact: Histogram = {
    counts: full, edges: Array.from({ length: full.length + 1 }, (_, i) => lo + i), min: lo, max: hi, total, integer: true,
  };
  const [a, b] = percentiles(exact, [LOW, HIGH]) as [number, number];
  const width = Math.max(1, Math.ceil((hi - lo + 1) / HIST_BINS));
  const n = Math.ceil((hi - lo + 1) / width);
  const binned = new Array<number>(n).fill(0);
  for (let i = 0; i < full.length; i++) binned[Math.floor(i / width)]! += full[i]!;
  const h: Histogram = {
    counts: binned, edges: Array.from({ length: n + 1 }, (_, i) => lo + i * width), min: lo, max: hi, total, integer: true,
  };
  return { min: lo, max: hi, histogram: h, contrast: [a, b] };
}
