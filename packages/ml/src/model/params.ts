import type { Rng } from '../train/rng';

export interface ParamSpec {
  readonly name: string;
  readonly shape: readonly number[];
  /** Fan-in used by the PyTorch-default (Kaiming-uniform, a = √5) initialisation: bound = 1/√fanIn. */
  readonly fanIn: number;
  /** `ones` / `zeros` (GroupNorm γ / β; no random draws); omitted = the fan-in uniform below. */
  readonly init?: 'ones' | 'zeros';
}

/** Parameter values by name, in the model's canonical order. */
export type ParamSet = Map<string, Float32Array>;

/** PyTorch's default Conv / ConvTranspose initialisation: U(−1/√fanIn, 1/√fanIn) for weights and biases;
 * GroupNorm's γ = 1, β = 0. */
export function initParams(specs: readonly ParamSpec[], rng: Rng): ParamSet {
  const out: ParamSet = new Map();
  for (const s of specs) {
    const n = s.shape.reduce((a, b) => a * b, 1);
    if (s.init) {
      out.set(s.name, new Float32Array(n).fill(s.init === 'ones' ? 1 : 0));
      continue;
    }
    const bound = 1 / Math.sqrt(s.fanIn);
    const data = new Float32Array(n);
    for (let i = 0; i < n; i++) data[i] = (rng.next() * 2 - 1) * bound;
    out.set(s.name, data);
  }
  return out;
}

export function countParams(specs: readonly ParamSpec[]): number {
  return specs.reduce((a, s) => a + s.shape.reduce((x, y) => x * y, 1), 0);
}
