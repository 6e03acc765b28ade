import type { Tile2D } from '@tessera/tiling';
import { DTYPE_MAX, DTYPE_MIN, type DType, type Raster, type TypedArray } from './types';

/** Outputs of one plane (or of one band of it). */
export interface PlaneOutputs {
  /** Segmentation: argmax + 1, 0 where the top score is below minConfidence. */
  labels?: Raster;
  /** Segmentation, on request: per-class scores, float32, channels = classes. */
  probabilities?: Raster;
  /** Regression: float32 or the input dtype. */
  values?: Raster;
}

export interface OutputSpec {
  segmentation: boolean;
  classes: number;
  labelDType: DType;
  minConfidence: number;
  probabilities: boolean;
  valuesDType: DType;
  /** Regression: multiply model outputs by this before casting (undoes input scaling). */
  valueScale: number;
}

function alloc(dtype: DType, n: number): TypedArray {
  switch (dtype) {
    case 'uint8': return new Uint8Array(n);
    case 'uint16': return new Uint16Array(n);
    case 'uint32': return new Uint32Array(n);
    case 'int8': return new Int8Array(n);
    case 'int16': return new Int16Array(n);
    case 'int32': return new Int32Array(n);
    case 'float64': return new Float64Array(n);
    default: return new Float32Array(n);
  }
}

export function allocateOutputs(spec: OutputSpec, width: number, height: number): PlaneOutputs {
  const n = width * height;
  const out: PlaneOutputs = {};
  if (spec.segmentation) {
    out.labels = { width, height, channels: 1, dtype: spec.labelDType, data: alloc(spec.labelDType, n) };
    if (spec.probabilities) out.probabilities = { width, height, channels: spec.classes, dtype: 'float32', data: new Float32Array(n * spec.classes) };
  } else {
    out.values = { width, height, channels: spec.classes, dtype: spec.valuesDType, data: alloc(spec.valuesDType, n * spec.classes) };
  }
  return out;
}

/** Views of rows [y0, y0+h) of full-plane outputs (rows are contiguous, so no copy). */
export function bandView(full: PlaneOutputs, y0: number, h: number): PlaneOutputs {
  const view = (r: Raster | undefined): Raster | undefined => {
    if (!r) return undefined;
    const row = r.width * r.channels;
    return { ...r, height: h, data: r.data.subarray(y0 * row, (y0 + h) * row) };
  };
  return { labels: view(full.labels), probabilities: view(full.probabilities), values: view(full.values) };
}

/**
 * Writes the centre of one tile's model output (`pred`, [roi.h, roi.w, C] float32 at `offset`) into band outputs
 * whose row 0 is image row `bandY` and column 0 is `clip.x`; only the part of the centre inside `clip` is written.
 */
export function writeTileOutputs(
  spec: OutputSpec, pred: Float32Array, offset: number, tile: Tile2D, band: PlaneOutputs, bandY: number,
  clip: { x: number; y: number; w: number; h: number },
): void {
  const C = spec.classes;
  const { border, roi } = tile;
  const c0 = tile.center;
  const i0 = Math.max(0, clip.x - c0.x), i1 = Math.min(c0.w, clip.x + clip.w - c0.x);
  const r0 = Math.max(0, clip.y - c0.y), r1 = Math.min(c0.h, clip.y + clip.h - c0.y);
  if (i1 <= i0 || r1 <= r0) return;
  // The clipped centre, as a centre window of the same tile region.
  const center = { x: c0.x + i0, y: c0.y + r0, w: i1 - i0, h: r1 - r0 };
  const bLeft = border.left + i0, bTop = border.top + r0;
  const dx = center.x - clip.x;
  const dy = center.y - bandY;
  const lab = band.labels?.data;
  const prob = band.probabilities?.data;
  const vals = band.values?.data;
  const width = (band.labels ?? band.probabilities ?? band.values)?.width ?? 0;
  const minConf = spec.minConfidence;
  const vScale = spec.valueScale;
  const vInt = spec.valuesDType !== 'float32' && spec.valuesDType !== 'float64';
  const vMin = DTYPE_MIN[spec.valuesDType];
  const vMax = vInt ? DTYPE_MAX[spec.valuesDType] : Infinity;
  for (let r = 0; r < center.h; r++) {
    let s = offset + ((bTop + r) * roi.w + bLeft) * C;
    const drow = (dy + r) * width + dx;
    if (lab) {
      for (let i = 0; i < center.w; i++, s += C) {
        let best = 0;
        let bestV = pred[s] as number;
        for (let k = 1; k < C; k++) {
          const v = pred[s + k] as number;
          if (v > bestV) { bestV = v; best = k; }
        }
        lab[drow + i] = bestV < minConf ? 0 : best + 1;
      }
      if (prob) prob.set(pred.subarray(offset + ((bTop + r) * roi.w + bLeft) * C, s), drow * C);
    } else if (vals) {
      const n = center.w * C;
      if (!vInt && vScale === 1) { vals.set(pred.subarray(s, s + n), drow * C); continue; }
      for (let k = 0; k < n; k++) {
        let v = (pred[s + k] as number) * vScale;
        if (vInt) { v = Math.round(v); v = v < vMin ? vMin : v > vMax ? vMax : v; }
        vals[drow * C + k] = v;
      }
    }
  }
}
