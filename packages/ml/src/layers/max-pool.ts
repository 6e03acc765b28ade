import { value, type LayerContext } from '../graph/tape';
import type { Value } from '../graph/value';

/** 2×2 stride-2 max pooling; in training the `Indices` output drives a `MaxUnpool` backward. */
export function maxPool2x2(ctx: LayerContext, x: Value): Value {
  const { g, tape } = ctx;
  const attrs = { kernel_shape: [2, 2], strides: [2, 2] };
  const [n, c, h, w] = x.shape as [number, number, number, number];
  const shape = [n, c, Math.floor(h / 2), Math.floor(w / 2)];
  if (!tape) return value(g.op('MaxPool', [x.name], attrs), shape, false);
  const [y, idx] = g.node('MaxPool', [x.name], attrs, 2) as [string, string];
  const out = value(y, shape, x.requiresGrad);
  tape.record(() => {
    const dy = tape.grad(out);
    if (dy === undefined) return;
    tape.addGrad(x, g.op('MaxUnpool', [dy, idx, g.constI([n, c, h, w])], attrs));
  });
  return out;
}
