import { GraphBuilder } from '../graph/graph-builder';
import { Tape, value, type LayerOptions } from '../graph/tape';
import type { Value } from '../graph/value';
import { softDice } from '../layers/dice';
import { softmaxCrossEntropy, sigmoidBinaryCrossEntropy } from '../layers/losses';
import { emitAdam, type AdamConfig, AdamConfigSchema } from '../optim/adam';
import { unetForward, unetParamSpecs } from './unet';
import type { UnetConfig } from './unet-config';

export const TRAINING_OPSET = 15;

/** Names of the graph's inputs and outputs for parameter `name`. */
export const io = {
  param: (n: string) => `param:${n}`,
  m: (n: string) => `adam_m:${n}`,
  v: (n: string) => `adam_v:${n}`,
  newParam: (n: string) => `new_param:${n}`,
  newM: (n: string) => `new_adam_m:${n}`,
  newV: (n: string) => `new_adam_v:${n}`,
  grad: (n: string) => `grad:${n}`,
} as const;

export interface TrainingGraphOptions {
  readonly batch: number;
  readonly height: number;
  readonly width: number;
  readonly adam?: Partial<AdamConfig>;
  /** Also output the gradients (`grad:<name>`), for tests. */
  readonly emitGrads?: boolean;
  /** Weight of an added soft-Dice term (softmax head only; 0 = cross-entropy alone). */
  readonly diceWeight?: number;
  /** Backward-rule choices (e.g. the 3×3 weight-gradient strategy). */
  readonly layers?: LayerOptions;
  /** Leave the optimizer out (forward + backward only). */
  readonly withoutOptimizer?: boolean;
}

export interface TrainingGraph {
  readonly bytes: Uint8Array;
  readonly paramNames: readonly string[];
  readonly nodeCount: number;
}

/**
 * One training step as a single ONNX graph. Inputs: `x` [N,C,H,W] (normalised), `target` [N,K,H,W] (one-hot
 * for softmax, 0/1 for sigmoid), `mask` [N,1,H,W] (per-pixel weight, 0 = unlabelled), `lr`, `step` (scalars),
 * then `param:*`, `adam_m:*`, `adam_v:*`. Outputs: `loss`, `probs`, `new_param:*`, `new_adam_m:*`, `new_adam_v:*`.
 */
export function buildTrainingGraph(cfg: UnetConfig, opts: TrainingGraphOptions): TrainingGraph {
  const g = new GraphBuilder('tessera-unet-train');
  const tape = new Tape(g);
  const { batch: n, height: h, width: w } = opts;
  const k = cfg.outChannels;
  const x = value(g.input('x', [n, cfg.inChannels, h, w]), [n, cfg.inChannels, h, w], false);
  const target = g.input('target', [n, k, h, w]);
  const mask = g.input('mask', [n, 1, h, w]);
  const specs = unetParamSpecs(cfg);
  const params = new Map<string, Value>();
  for (const s of specs) params.set(s.name, value(g.input(io.param(s.name), s.shape), s.shape, true));
  const logits = unetForward({ g, tape, options: opts.layers }, x, (name) => params.get(name) as Value, cfg);
  const lossFn = cfg.head === 'softmax' ? softmaxCrossEntropy : sigmoidBinaryCrossEntropy;
  const ce = lossFn(g, logits, target, mask);
  let { loss, dLogits } = ce;
  const { probs } = ce;
  const lambda = opts.diceWeight ?? 0;
  if (lambda > 0 && cfg.head === 'softmax') {
    const dice = softDice(g, probs, target, mask, k);
    const l = g.constF([lambda], []);
    loss = g.op('Add', [loss, g.op('Mul', [dice.loss, l])]);
    dLogits = g.op('Add', [dLogits, g.op('Mul', [dice.dLogits, l])]);
  }
  tape.backward(logits, dLogits);
  g.op('Identity', [loss], {}, 'loss');
  g.output('loss', []);
  g.op('Identity', [probs], {}, 'probs');
  g.output('probs', [n, k, h, w]);
  const adamParams = specs.map((s) => {
    const grad = tape.grad(io.param(s.name));
    if (grad === undefined) throw new Error(`no gradient reached ${s.name}`);
    if (opts.emitGrads) {
      g.op('Identity', [grad], {}, io.grad(s.name));
      g.output(io.grad(s.name), s.shape);
    }
    return { spec: s, grad };
  });
  if (!opts.withoutOptimizer) {
    const lr = g.input('lr', []);
    const step = g.input('step', []);
    for (const { spec } of adamParams) {
      g.input(io.m(spec.name), spec.shape);
      g.input(io.v(spec.name), spec.shape);
    }
    emitAdam(g, adamParams.map(({ spec, grad }) => ({
      param: io.param(spec.name), grad, m: io.m(spec.name), v: io.v(spec.name),
      outParam: io.newParam(spec.name), outM: io.newM(spec.name), outV: io.newV(spec.name),
    })), lr, step, AdamConfigSchema.parse(opts.adam ?? {}));
    for (const { spec } of adamParams) {
      for (const name of [io.newParam(spec.name), io.newM(spec.name), io.newV(spec.name)]) g.output(name, spec.shape);
    }
  }
  return { bytes: g.toBytes({ opset: TRAINING_OPSET }), paramNames: specs.map((s) => s.name), nodeCount: g.nodeCount };
}
