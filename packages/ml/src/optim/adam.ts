import type { GraphBuilder } from '../graph/graph-builder';
import { z } from 'zod';

export const AdamConfigSchema = z.object({
  beta1: z.number().min(0).max(1).default(0.9),
  beta2: z.number().min(0).max(1).default(0.999),
  eps: z.number().positive().default(1e-8),
  /** Decoupled weight decay (AdamW) when > 0; 0 = plain Adam. */
  weightDecay: z.number().min(0).default(0),
});
export type AdamConfig = z.infer<typeof AdamConfigSchema>;

export interface AdamParam {
  /** Graph input holding the parameter. */
  readonly param: string;
  readonly grad: string;
  readonly m: string;
  readonly v: string;
  /** Output names for the updated tensors. */
  readonly outParam: string;
  readonly outM: string;
  readonly outV: string;
}

/**
 * Emits one Adam / AdamW step (PyTorch's formulation) for every parameter. `lr` and `step` are scalar graph
 * inputs; `step` is the 1-based step number used for the bias corrections.
 */
export function emitAdam(g: GraphBuilder, params: readonly AdamParam[], lr: string, step: string, cfg: AdamConfig): void {
  const one = g.constF([1], []);
  const b1 = g.constF([cfg.beta1], []);
  const b2 = g.constF([cfg.beta2], []);
  const c1 = g.constF([1 - cfg.beta1], []);
  const c2 = g.constF([1 - cfg.beta2], []);
  const eps = g.constF([cfg.eps], []);
  const bc1 = g.op('Sub', [one, g.op('Pow', [b1, step])]);
  const bc2 = g.op('Sub', [one, g.op('Pow', [b2, step])]);
  const stepSize = g.op('Div', [lr, bc1]);
  const sqrtBc2 = g.op('Sqrt', [bc2]);
  const decay = cfg.weightDecay > 0
    ? g.op('Sub', [one, g.op('Mul', [lr, g.constF([cfg.weightDecay], [])])])
    : undefined;
  for (const p of params) {
    g.op('Add', [g.op('Mul', [b1, p.m]), g.op('Mul', [c1, p.grad])], {}, p.outM);
    g.op('Add', [g.op('Mul', [b2, p.v]), g.op('Mul', [c2, g.op('Mul', [p.grad, p.grad])])], {}, p.outV);
    const denom = g.op('Add', [g.op('Div', [g.op('Sqrt', [p.outV]), sqrtBc2]), eps]);
    const update = g.op('Mul', [g.op('Div', [p.outM, denom]), stepSize]);
    const base = decay === undefined ? p.param : g.op('Mul', [p.param, decay]);
    g.op('Sub', [base, update], {}, p.outParam);
  }
}
