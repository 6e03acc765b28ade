import { reduceNhw } from './conv';
import { value, type LayerContext } from '../graph/tape';
import { GraphBuildError, type Value } from '../graph/value';

export interface GroupNormParams {
  /** Per-channel scale `[C]`. */
  readonly gamma: Value;
  /** Per-channel shift `[C]`. */
  readonly beta: Value;
  /** Number of channel groups; must divide C. */
  readonly groups: number;
  /** Added to the variance; default 1e-5 (PyTorch's). */
  readonly eps?: number;
}

/**
 * Group normalisation of an NCHW tensor: statistics over each sample's `C/G·H·W` values per group, then a learnable
 * per-channel affine. Forward: Reshape → ReduceMean/Sub/Mul/Sqrt/Div (ReduceMean keeps its `axes` attribute up to
 * opset 17, so the same ops export at opset 12 and 15). The reshapes are `[0, G, −1]` and back to `Shape(x)`, so a
 * symbolic batch and tile size (the exported model) work as well as the training graph's static shapes. Backward,
 * with x̂ the normalised group values and `σ = √(var + eps)`: `dx = (dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)) / σ` with
 * `dx̂ = dy·γ`; `dγ = Σ dy·x̂`, `dβ = Σ dy`.
 */
export function groupNorm(ctx: LayerContext, x: Value, p: GroupNormParams): Value {
  const { g, tape } = ctx;
  const c = x.shape[1] as number;
  const groups = p.groups;
  if (x.shape.length !== 4) throw new GraphBuildError(`groupNorm expects NCHW, got rank ${x.shape.length}`);
  if (!Number.isInteger(groups) || groups < 1 || c % groups !== 0) {
    throw new GraphBuildError(`groupNorm: ${groups} groups do not divide ${c} channels`);
  }
  if (p.gamma.shape[0] !== c || p.beta.shape[0] !== c) throw new GraphBuildError(`groupNorm: gamma/beta must be [${c}]`);
  const grouped = g.constI([0, groups, -1]);
  const nchw = g.op('Shape', [x.name]);
  const xg = g.op('Reshape', [x.name, grouped]);
  const mean = (t: string): string => g.op('ReduceMean', [t], { axes: [2], keepdims: 1 });
  const xc = g.op('Sub', [xg, mean(xg)]);
  const variance = mean(g.op('Mul', [xc, xc]));
  const std = g.op('Sqrt', [g.op('Add', [variance, g.constF([p.eps ?? 1e-5], [])])]);
  const xhatG = g.op('Div', [xc, std]);
  const xhat = g.op('Reshape', [xhatG, nchw]);
  const perChannel = g.constI([c, 1, 1]);
  const gammaB = g.op('Reshape', [p.gamma.name, perChannel]);
  const betaB = g.op('Reshape', [p.beta.name, perChannel]);
  const y = g.op('Add', [g.op('Mul', [xhat, gammaB]), betaB]);
  const out = value(y, x.shape, x.requiresGrad || p.gamma.requiresGrad || p.beta.requiresGrad);
  tape?.record(() => {
    const dy = tape.grad(out);
    if (dy === undefined) return;
    tape.addGrad(p.beta, reduceNhw(g, dy));
    tape.addGrad(p.gamma, reduceNhw(g, g.op('Mul', [dy, xhat])));
    if (!x.requiresGrad) return;
    const dxhat = g.op('Reshape', [g.op('Mul', [dy, gammaB]), grouped]);
    const proj = g.op('Mul', [xhatG, mean(g.op('Mul', [dxhat, xhatG]))]);
    const dxg = g.op('Div', [g.op('Sub', [g.op('Sub', [dxhat, mean(dxhat)]), proj]), std]);
    tape.addGrad(x, g.op('Reshape', [dxg, nchw]));
  });
  return out;
}
