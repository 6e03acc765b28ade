/** Matching of predicted to ground-truth instances at an IoU threshold (>= 0.5 makes matches unique). */
export interface InstanceMatch { tp: number; fp: number; fn: number; /** TP / (TP + FP + FN), the cell-segmentation "AP". */ ap: number }

export function matchInstances(pred: ArrayLike<number>, truth: ArrayLike<number>, iouThreshold = 0.5): InstanceMatch {
  const areaP = new Map<number, number>(), areaT = new Map<number, number>(), inter = new Map<number, number>();
  let maxT = 0;
  for (let i = 0; i < pred.length; i++) if (truth[i]! > maxT) maxT = truth[i]!;
  const stride = maxT + 1;
  for (let i = 0; i < pred.length; i++) {
    const p = pred[i]!, t = truth[i]!;
    if (p) areaP.set(p, (areaP.get(p) ?? 0) + 1);
    if (t) areaT.set(t, (areaT.get(t) ?? 0) + 1);
    if (p && t) { const k = p * stride + t; inter.set(k, (inter.get(k) ?? 0) + 1); }
  }
  let tp = 0;
  const matchedP = new Set<number>(), matchedT = new Set<number>();
  for (const [k, n] of inter) {
    const p = Math.floor(k / stride), t = k % stride;
    const iou = n / (areaP.get(p)! + areaT.get(t)! - n);
    if (iou > iouThreshold && !matchedP.has(p) && !matchedT.has(t)) { tp++; matchedP.add(p); matchedT.add(t); }
  }
  const fp = areaP.size - tp, fn = areaT.size - tp;
  return { tp, fp, fn, ap: tp + fp + fn === 0 ? 1 : tp / (tp + fp + fn) };
}

/** Foreground IoU of two label images (non-zero = foreground). */
export function foregroundIoU(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0, u = 0;
  for (let k = 0; k < a.length; k++) {
    const x = a[k] !== 0, y = b[k] !== 0;
    if (x && y) i++;
    if (x || y) u++;
  }
  return u === 0 ? 1 : i / u;
}
