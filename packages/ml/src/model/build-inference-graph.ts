import { GraphBuilder } from '../graph/graph-builder';
import { value } from '../graph/tape';
import { GraphBuildError, type Value } from '../graph/value';
import type { ParamSet } from './params';
import { unetForward, unetParamSpecs } from './unet';
import type { UnetConfig } from './unet-config';

export const INFERENCE_OPSET = 12;

/** Per-channel input normalisation baked into the model: `x' = (x − offset) · scale`. */
export interface InputNormalisation {
  readonly offset: readonly number[];
  readonly scale: readonly number[];
}

export interface InferenceGraphOptions {
  /** Fixed tile height and width; omitted = symbolic (`H`, `W`; must be multiples of 2^depth at run time). */
  readonly tile?: { readonly height: number; readonly width: number };
  readonly normalisation?: InputNormalisation;
  readonly inputName?: string;
  readonly outputName?: string;
}

/**
 * The exported model: the same UNet builder with training off. Input `[N,H,W,C]` float32 (symbolic batch),
 * normalisation baked in, output `[N,H,W,K]` softmax (or sigmoid) scores; opset 12, weights as initializers.
 */
export function buildInferenceGraph(cfg: UnetConfig, params: ParamSet, opts: InferenceGraphOptions = {}): Uint8Array {
  const g = new GraphBuilder('tessera-unet');
  const c = cfg.inChannels;
  const hDim = opts.tile?.height ?? 'H';
  const wDim = opts.tile?.width ?? 'W';
  const inName = g.input(opts.inputName ?? 'input', ['N', hDim, wDim, c]);
  let x = g.op('Transpose', [inName], { perm: [0, 3, 1, 2] });
  const norm = opts.normalisation;
  if (norm) {
    if (norm.offset.length !== c || norm.scale.length !== c) throw new GraphBuildError(`normalisation needs ${c} channels`);
    x = g.op('Sub', [x, g.constF(norm.offset, [1, c, 1, 1])]);
    x = g.op('Mul', [x, g.constF(norm.scale, [1, c, 1, 1])]);
  }
  const lookup = new Map<string, Value>();
  for (const s of unetParamSpecs(cfg)) {
    const data = params.get(s.name);
    if (!data) throw new GraphBuildError(`missing parameter ${s.name}`);
    lookup.set(s.name, value(g.initializer(s.name, data, s.shape), s.shape, false));
  }
  const sym = (d: number | string): number => (typeof d === 'number' ? d : -1);
  const xv = value(x, [-1, c, sym(hDim), sym(wDim)], false);
  const logits = unetForward({ g, tape: null }, xv, (n) => lookup.get(n) as Value, cfg);
  const nhwc = g.op('Transpose', [logits.name], { perm: [0, 2, 3, 1] });
  const outName = opts.outputName ?? 'output';
  // Opset 12 Softmax flattens to [N·H·W, K] at axis 3: a per-pixel softmax over the classes.
  g.op(cfg.head === 'softmax' ? 'Softmax' : 'Sigmoid', [nhwc], cfg.head === 'softmax' ? { axis: 3 } : {}, outName);
  g.output(outName, ['N', hDim, wDim, cfg.outChannels]);
  return g.toBytes({ opset: INFERENCE_OPSET, docString: JSON.stringify({ unet: cfg, normalisation: norm ?? null }) });
}
