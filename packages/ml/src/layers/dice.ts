import type { GraphBuilder } from '../graph/graph-builder';

export interface DiceOutput {
  /** Scalar soft-Dice loss `1 − mean_k (2 I_k + s) / (U_k + s)`. */
  readonly loss: string;
  /** Its gradient with respect to the logits (through the softmax). */
  readonly dLogits: string;
}

const SMOOTH = 1;

/**
 * Soft multi-class Dice over the labelled pixels, for softmax `probs` `[N,K,H,W]`, one-hot `target` and
 * per-pixel `mask` `[N,1,H,W]`: I_k = Σ m·p_k·y_k, U_k = Σ m·(p_k + y_k).
 * dL/dp_k = −(m/K)·(2 y_k/(U_k+s) − (2 I_k+s)/(U_k+s)²); dL/dz = p ⊙ (g − Σ_k p_k g_k).
 */
export function softDice(g: GraphBuilder, probs: string, target: string, mask: string, classes: number): DiceOutput {
  const axes = g.constI([0, 2, 3]);
  const s = g.constF([SMOOTH], []);
  const two = g.constF([2], []);
  const inter = g.op('ReduceSum', [g.op('Mul', [g.op('Mul', [probs, target]), mask]), axes], { keepdims: 1 });
  const union = g.op('Add', [g.op('ReduceSum', [g.op('Mul', [g.op('Add', [probs, target]), mask]), axes], { keepdims: 1 }), s]);
  const num = g.op('Add', [g.op('Mul', [two, inter]), s]);
  const ratio = g.op('Div', [num, union]); // [1,K,1,1]
  const meanRatio = g.op('ReduceMean', [ratio], { keepdims: 0 });
  const loss = g.op('Sub', [g.constF([1], []), meanRatio]);
  const a = g.op('Div', [g.op('Mul', [two, target]), union]);
  const b = g.op('Div', [num, g.op('Mul', [union, union])]);
  const dp = g.op('Mul', [g.op('Sub', [a, b]), g.op('Mul', [mask, g.constF([-1 / classes], [])])]);
  const dot = g.op('ReduceSum', [g.op('Mul', [probs, dp]), g.constI([1])], { keepdims: 1 });
  const dLogits = g.op('Mul', [probs, g.op('Sub', [dp, dot])]);
  return { loss, dLogits };
}
