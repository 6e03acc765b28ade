/** Per-class intersection-over-union of predicted classes against labels (0 = unlabelled, ignored). */
export function labelledIou(pred: Uint8Array, labels: Uint8Array | Uint16Array, classes: number): number[] {
  const inter = new Float64Array(classes), union = new Float64Array(classes);
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] as number;
    if (l === 0) continue;
    const t = l - 1, p = pred[i] as number;
    if (t === p) {
      inter[t]!++;
      union[t]!++;
    } else {
      union[t]!++;
      union[p]!++;
    }
  }
  return Array.from(inter, (v, c) => (union[c]! > 0 ? v / union[c]! : NaN));
}

/** Argmax over the last axis of `[H·W, K]` scores (K = 1: threshold 0.5). */
export function argmaxLast(scores: Float32Array, k: number): Uint8Array {
  const n = scores.length / k;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (k === 1) {
      out[i] = (scores[i] as number) > 0.5 ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let c = 1; c < k; c++) if ((scores[i * k + c] as number) > (scores[i * k + best] as number)) best = c;
    out[i] = best;
  }
  return out;
}
