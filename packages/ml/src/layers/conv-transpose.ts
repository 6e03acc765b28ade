import { value, type LayerContext } from '../graph/tape';
import type { Value } from '../graph/value';
import { channelsFirstFlat, reduceNhw, type ConvParams } from './conv';

/** A 2×2 stride-2 transposed convolution (upsampling ×2); `w` is `[in, out, 2, 2]`. */
export function convTranspose2x2(ctx: LayerContext, x: Value, p: Required<ConvParams>): Value {
  const { g, tape } = ctx;
  const [cin, o] = p.w.shape as [number, number];
  const [n, , h, w] = x.shape as [number, number, number, number];
  const y = g.op('ConvTranspose', [x.name, p.w.name, p.b.name], { kernel_shape: [2, 2], strides: [2, 2] });
  const out = value(y, [n, o, 2 * h, 2 * w], x.requiresGrad || p.w.requiresGrad);
  tape?.record(() => {
    const dy = tape.grad(out);
    if (dy === undefined) return;
    tape.addGrad(p.b, reduceNhw(g, dy));
    const xf = channelsFirstFlat(g, x.name, x.shape); // [Cin, N·h·w]
    const r6 = g.op('Reshape', [dy, g.constI([n, o, h, 2, w, 2])]);
    const t6 = g.op('Transpose', [r6], { perm: [0, 2, 4, 1, 3, 5] });
    const dyr = g.op('Reshape', [t6, g.constI([n * h * w, o * 4])]);
    const gw = g.op('MatMul', [xf, dyr]);
    tape.addGrad(p.w, g.op('Reshape', [gw, g.constI([cin, o, 2, 2])]));
    if (x.requiresGrad) tape.addGrad(x, g.op('Conv', [dy, p.w.name], { kernel_shape: [2, 2], strides: [2, 2] }));
  });
  return out;
}
