import type { GraphBuilder } from '../graph/graph-builder';
import { value, type LayerContext } from '../graph/tape';
import { GraphBuildError, type Value } from '../graph/value';

export interface ConvParams {
  /** `[out, in, k, k]`, k = 1 or 3. */
  readonly w: Value;
  /** `[out]`; omitted where a normalisation follows (it would cancel the bias). */
  readonly b?: Value;
}

const NEG_END = -1_000_000;

/** Sum over N, H, W: the bias gradient. */
export function reduceNhw(g: GraphBuilder, dy: string): string {
  return g.op('ReduceSum', [dy, g.constI([0, 2, 3])], { keepdims: 0 });
}

/** `[N, C, H, W]` → `[C, N·H·W]` (the transpose is skipped for N = 1). */
export function channelsFirstFlat(g: GraphBuilder, x: string, shape: readonly number[]): string {
  const [n, c, h, w] = shape as [number, number, number, number];
  const t = n === 1 ? x : g.op('Transpose', [x], { perm: [1, 0, 2, 3] });
  return g.op('Reshape', [t, g.constI([c, n * h * w])]);
}

/** Splits `[N, …]` into N tensors `[1, …]` (contiguous copies); N = 1 passes through. */
function splitBatch(g: GraphBuilder, x: string, n: number): string[] {
  return n === 1 ? [x] : g.node('Split', [x, g.constI(new Array<number>(n).fill(1))], { axis: 0 }, n);
}

/**
 * `Σ_n a_n · f(b_n)ᵀ` with `a_n` `[M, L]` and `f(b_n)` `[K, L]`: the batch is split first (cheap: the inputs are
 * small) and one Gemm per sample is chained through Gemm's C input. This avoids transposing or splitting a large
 * derived tensor such as the im2col columns, which cost more than the Gemms themselves at batch 8.
 */
export function gemmOverBatch(
  g: GraphBuilder, a: string, b: string, n: number, m: number, k: number, l: number, f: (bn: string) => string = (t) => t,
): string {
  const as = splitBatch(g, a, n), bs = splitBatch(g, b, n);
  let acc = '';
  for (let i = 0; i < n; i++) {
    const ai = g.op('Reshape', [as[i] as string, g.constI([m, l])]);
    const bi = g.op('Reshape', [f(bs[i] as string), g.constI([k, l])]);
    acc = g.op('Gemm', acc ? [ai, bi, acc] : [ai, bi], { transB: 1 });
  }
  return acc;
}

/** dW of a 3×3 pad-1 convolution: nine taps, each one Gemm over the padded, flattened tensors. */
function convGradW3x3(g: GraphBuilder, x: string, dy: string, xShape: readonly number[], m: number): string {
  const [n, c, h, w] = xShape as [number, number, number, number];
  const xp = g.op('Pad', [x, g.constI([0, 0, 1, 1, 0, 0, 1, 1])]);
  const dyp = g.op('Pad', [dy, g.constI([0, 0, 0, 0, 0, 0, 2, 2])]);
  const padded = [n, c, h + 2, w + 2];
  const xf = channelsFirstFlat(g, xp, padded);
  const dyf = channelsFirstFlat(g, dyp, [n, m, h + 2, w + 2]);
  const p = n * (h + 2) * (w + 2);
  const len = p - (2 * (w + 2) + 2);
  const one = g.constI([1]);
  const axis = g.constI([1]);
  const a = g.op('Slice', [dyf, g.constI([0]), g.constI([len]), axis, one]);
  const taps: string[] = [];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const off = i * (w + 2) + j;
      const b = g.op('Slice', [xf, g.constI([off]), g.constI([off + len]), axis, one]);
      taps.push(g.op('Gemm', [a, b], { transB: 1 }));
    }
  }
  const cat = g.op('Concat', taps, { axis: 1 }); // [M, 9·C], tap-major
  const r = g.op('Reshape', [cat, g.constI([m, 3, 3, c])]);
  return g.op('Transpose', [r], { perm: [0, 3, 1, 2] });
}

/** dW of a 3×3 pad-1 convolution by im2col, per sample: a depthwise Conv with one-hot kernels extracts the nine
 * shifted copies `[C·9, H·W]`, then a Gemm with dY gives `[M, C·9]` = `[M, C, 3, 3]` without any transpose. */
function convGradW3x3Im2col(g: GraphBuilder, x: string, dy: string, xShape: readonly number[], m: number): string {
  const [n, c, h, w] = xShape as [number, number, number, number];
  const eye = new Array<number>(c * 81).fill(0);
  for (let ch = 0; ch < c; ch++) for (let t = 0; t < 9; t++) eye[(ch * 9 + t) * 9 + t] = 1;
  const kernel = g.constF(eye, [c * 9, 1, 3, 3]);
  const im2col = (xn: string): string => g.op('Conv', [xn, kernel], { kernel_shape: [3, 3], pads: [1, 1, 1, 1], group: c });
  const gw = gemmOverBatch(g, dy, x, n, m, c * 9, h * w, im2col);
  return g.op('Reshape', [gw, g.constI([m, c, 3, 3])]);
}

/** dW of a 1×1 convolution: one Gemm. */
function convGradW1x1(g: GraphBuilder, x: string, dy: string, xShape: readonly number[], m: number): string {
  const [n, c, h, w] = xShape as [number, number, number, number];
  const gw = gemmOverBatch(g, dy, x, n, m, c, h * w);
  return g.op('Reshape', [gw, g.constI([m, c, 1, 1])]);
}

/** dX of a stride-1 "same" convolution: a forward Conv of dY with the kernel flipped and transposed. */
function convGradX(g: GraphBuilder, dy: string, w: string, k: number): string {
  const pad = (k - 1) / 2;
  const flipped = k === 1
    ? w
    : g.op('Slice', [w, g.constI([-1, -1]), g.constI([NEG_END, NEG_END]), g.constI([2, 3]), g.constI([-1, -1])]);
  const wt = g.op('Transpose', [flipped], { perm: [1, 0, 2, 3] });
  return g.op('Conv', [dy, wt], { kernel_shape: [k, k], pads: [pad, pad, pad, pad] });
}

/** A stride-1 "same" convolution (k = 1 or 3), with bias unless `p.b` is omitted. */
export function conv2d(ctx: LayerContext, x: Value, p: ConvParams): Value {
  const { g, tape } = ctx;
  const [m, cin, k] = p.w.shape as [number, number, number];
  if (k !== 1 && k !== 3) throw new GraphBuildError(`conv2d supports 1×1 and 3×3 kernels, got ${k}`);
  if (x.shape[1] !== cin) throw new GraphBuildError(`conv2d: input has ${x.shape[1]} channels, weight expects ${cin}`);
  const pad = (k - 1) / 2;
  const { b } = p;
  const y = g.op('Conv', b ? [x.name, p.w.name, b.name] : [x.name, p.w.name], { kernel_shape: [k, k], pads: [pad, pad, pad, pad] });
  const [n, , h, w] = x.shape as [number, number, number, number];
  const out = value(y, [n, m, h, w], x.requiresGrad || p.w.requiresGrad || (b?.requiresGrad ?? false));
  tape?.record(() => {
    const dy = tape.grad(out);
    if (dy === undefined) return;
    if (b) tape.addGrad(b, reduceNhw(g, dy));
    const gradW3x3 = ctx.options?.convGradW === 'taps' ? convGradW3x3 : convGradW3x3Im2col;
    tape.addGrad(p.w, k === 3 ? gradW3x3(g, x.name, dy, x.shape, m) : convGradW1x1(g, x.name, dy, x.shape, m));
    if (x.requiresGrad) tape.addGrad(x, convGradX(g, dy, p.w.name, k));
  });
  return out;
}
