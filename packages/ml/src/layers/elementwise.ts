import { value, type LayerContext } from '../graph/tape';
import { GraphBuildError, type Value } from '../graph/value';

/** ReLU; backward `Where(y > 0, dy, 0)`. */
export function relu(ctx: LayerContext, x: Value): Value {
  const { g, tape } = ctx;
  const out = value(g.op('Relu', [x.name]), x.shape, x.requiresGrad);
  tape?.record(() => {
    const dy = tape.grad(out);
    if (dy === undefined) return;
    const zero = g.constF([0], []);
    tape.addGrad(x, g.op('Where', [g.op('Greater', [out.name, zero]), dy, zero]));
  });
  return out;
}

/** Channel concatenation (NCHW axis 1); backward splits the gradient. */
export function concatChannels(ctx: LayerContext, parts: readonly Value[]): Value {
  const { g, tape } = ctx;
  const first = parts[0];
  if (!first) throw new GraphBuildError('concat of nothing');
  const sizes = parts.map((p) => p.shape[1] as number);
  const shape = [...first.shape];
  shape[1] = sizes.reduce((a, b) => a + b, 0);
  const out = value(g.op('Concat', parts.map((p) => p.name), { axis: 1 }), shape, parts.some((p) => p.requiresGrad));
  tape?.record(() => {
    const dy = tape.grad(out);
    if (dy === undefined) return;
    const grads = g.node('Split', [dy, g.constI(sizes)], { axis: 1 }, parts.length);
    parts.forEach((p, i) => tape.addGrad(p, grads[i] as string));
  });
  return out;
}

/** Element-wise sum of two same-shaped tensors (residual skips). */
export function add(ctx: LayerContext, a: Value, b: Value): Value {
  const { g, tape } = ctx;
  const out = value(g.op('Add', [a.name, b.name]), a.shape, a.requiresGrad || b.requiresGrad);
  tape?.record(() => {
    const dy = tape.grad(out);
    if (dy === undefined) return;
    tape.addGrad(a, dy);
    tape.addGrad(b, dy);
  });
  return out;
}
