import type { GraphBuilder } from './graph-builder';
import type { Value } from './value';

/** Records backward closures during the forward pass and accumulates gradients (by tensor name). */
export class Tape {
  private readonly grads = new Map<string, string>();
  private readonly steps: Array<() => void> = [];

  constructor(private readonly g: GraphBuilder) {}

  record(backward: () => void): void {
    this.steps.push(backward);
  }

  /** The gradient flowing into `v`, if any reached it. */
  grad(v: Value | string): string | undefined {
    return this.grads.get(typeof v === 'string' ? v : v.name);
  }

  /** Adds `grad` to the gradient of `v` (ignored where `v` needs none). */
  addGrad(v: Value, grad: string): void {
    if (!v.requiresGrad) return;
    const prev = this.grads.get(v.name);
    this.grads.set(v.name, prev === undefined ? grad : this.g.op('Add', [prev, grad]));
  }

  /** Seeds a gradient, then runs every recorded backward step in reverse order. */
  backward(seed: Value, grad: string): void {
    this.grads.set(seed.name, grad);
    for (let i = this.steps.length - 1; i >= 0; i--) this.steps[i]?.();
  }
}

/** What every layer function receives: the graph and, in training mode, the tape. */
export interface LayerContext {
  readonly g: GraphBuilder;
  readonly tape: Tape | null;
  readonly options?: LayerOptions;
}

export interface LayerOptions {
  /** How a 3×3 convolution's weight gradient is computed: `im2col` (default; a one-hot depthwise Conv then one
   * Gemm) or `taps` (nine Gemms over shifted slices of the padded, flattened tensors). Both are exact. */
  readonly convGradW?: 'im2col' | 'taps';
}

export function value(name: string, shape: readonly number[], requiresGrad: boolean): Value {
  return { name, shape, requiresGrad };
}
