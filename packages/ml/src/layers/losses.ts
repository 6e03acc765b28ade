import type { GraphBuilder } from '../graph/graph-builder';
import type { Value } from '../graph/value';

export interface LossOutput {
  /** Scalar loss. */
  readonly loss: string;
  /** Gradient of the loss with respect to the logits. */
  readonly dLogits: string;
  /** Softmax / sigmoid probabilities, same shape as the logits. */
  readonly probs: string;
}

const EPS = 1e-8;

/** `max(Σ mask, ε)`: the normaliser, so a batch with no labelled pixel gives zero loss, not NaN. */
function maskTotal(g: GraphBuilder, mask: string): string {
  return g.op('Max', [g.op('ReduceSum', [mask], { keepdims: 0 }), g.constF([EPS], [])]);
}

/**
 * Softmax cross-entropy over NCHW logits with a per-pixel weight `mask` `[N,1,H,W]` (0 = unlabelled, else the
 * class weight) and a one-hot `target` `[N,K,H,W]`: `loss = −Σ mask·Σₖ yₖ log pₖ / Σ mask`,
 * `dZ = (p − y)·mask / Σ mask` (PyTorch's weighted-mean `cross_entropy` with `ignore_index`).
 */
export function softmaxCrossEntropy(g: GraphBuilder, logits: Value, target: string, mask: string): LossOutput {
  const logp = g.op('LogSoftmax', [logits.name], { axis: 1 });
  const probs = g.op('Exp', [logp]);
  const den = maskTotal(g, mask);
  const picked = g.op('Mul', [g.op('Mul', [target, logp]), mask]);
  const loss = g.op('Div', [g.op('Neg', [g.op('ReduceSum', [picked], { keepdims: 0 })]), den]);
  const dLogits = g.op('Mul', [g.op('Sub', [probs, target]), g.op('Div', [mask, den])]);
  return { loss, dLogits, probs };
}

/**
 * Sigmoid + binary cross-entropy (log clamped at −100 like PyTorch) with a per-pixel weight `mask` that
 * broadcasts against the logits: `dZ = (p − y)·mask / Σ mask`.
 */
export function sigmoidBinaryCrossEntropy(g: GraphBuilder, logits: Value, target: string, mask: string): LossOutput {
  const probs = g.op('Sigmoid', [logits.name]);
  const floor = g.constF([-100], []);
  const one = g.constF([1], []);
  const logp = g.op('Max', [g.op('Log', [probs]), floor]);
  const log1mp = g.op('Max', [g.op('Log', [g.op('Sub', [one, probs])]), floor]);
  const ll = g.op('Add', [g.op('Mul', [target, logp]), g.op('Mul', [g.op('Sub', [one, target]), log1mp])]);
  const maskFull = g.op('Expand', [mask, g.constI(logits.shape)]);
  const den = maskTotal(g, maskFull);
  const loss = g.op('Div', [g.op('Neg', [g.op('ReduceSum', [g.op('Mul', [ll, mask])], { keepdims: 0 })]), den]);
  const dLogits = g.op('Mul', [g.op('Sub', [probs, target]), g.op('Div', [mask, den])]);
  return { loss, dLogits, probs };
}
