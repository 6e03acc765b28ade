import type * as ort from 'onnxruntime-node';
import { buildTrainingGraph, io } from '../model/build-training-graph';
import type { LayerOptions } from '../graph/tape';
import type { ParamSet } from '../model/params';
import { unetParamSpecs } from '../model/unet';
import type { UnetConfig } from '../model/unet-config';
import type { AdamConfig } from '../optim/adam';
import { createSession, floatTensor, scalar, type Execution } from './ort-session';
import type { Batch } from './training-data';

export interface FixedBatchOptions {
  readonly batch: number;
  readonly height: number;
  readonly width: number;
  readonly steps: number;
  readonly lr: number;
  readonly adam?: Partial<AdamConfig>;
  /** Untimed steps before the timed ones (they do update the weights). */
  readonly warmup?: number;
  /** Also return the first step's gradients (flattened in parameter order). */
  readonly grads?: boolean;
  readonly execution?: Partial<Execution>;
  readonly layers?: LayerOptions;
}

export interface FixedBatchResult {
  readonly losses: number[];
  readonly ms: number[];
  readonly grads: Float32Array | null;
  readonly params: ParamSet;
  readonly buildMs: number;
  readonly sessionMs: number;
  readonly nodeCount: number;
}

/** Repeats training steps on one fixed batch (the PyTorch comparison and the step benchmark use this). */
export async function runFixedBatch(cfg: UnetConfig, init: ParamSet, b: Batch, o: FixedBatchOptions): Promise<FixedBatchResult> {
  const t0 = performance.now();
  const graph = buildTrainingGraph(cfg, { batch: o.batch, height: o.height, width: o.width, adam: o.adam, emitGrads: o.grads, layers: o.layers });
  const t1 = performance.now();
  const session = await createSession(graph.bytes, o.execution);
  const t2 = performance.now();
  const specs = unetParamSpecs(cfg);
  const { batch: n, height: h, width: w } = o;
  const feeds: Record<string, ort.Tensor> = {
    x: floatTensor(b.x, [n, cfg.inChannels, h, w]),
    target: floatTensor(b.target, [n, cfg.outChannels, h, w]),
    mask: floatTensor(b.mask, [n, 1, h, w]),
    lr: scalar(o.lr),
  };
  for (const s of specs) {
    const p = init.get(s.name) as Float32Array;
    feeds[io.param(s.name)] = floatTensor(Float32Array.from(p), s.shape);
    feeds[io.m(s.name)] = floatTensor(new Float32Array(p.length), s.shape);
    feeds[io.v(s.name)] = floatTensor(new Float32Array(p.length), s.shape);
  }
  const losses: number[] = [], ms: number[] = [];
  let grads: Float32Array | null = null;
  const warmup = o.warmup ?? 0;
  for (let i = 1; i <= warmup + o.steps; i++) {
    feeds.step = scalar(i);
    const ts = performance.now();
    const out = await session.run(feeds);
    for (const s of specs) {
      feeds[io.param(s.name)] = out[io.newParam(s.name)] as ort.Tensor;
      feeds[io.m(s.name)] = out[io.newM(s.name)] as ort.Tensor;
      feeds[io.v(s.name)] = out[io.newV(s.name)] as ort.Tensor;
    }
    if (i > warmup) ms.push(performance.now() - ts);
    losses.push(Number((out.loss as ort.Tensor).data[0]));
    if (i === 1 && o.grads) {
      grads = Float32Array.from(specs.flatMap((s) => [...((out[io.grad(s.name)] as ort.Tensor).data as Float32Array)]));
    }
  }
  const params: ParamSet = new Map(specs.map((s) => [s.name, Float32Array.from((feeds[io.param(s.name)] as ort.Tensor).data as Float32Array)]));
  await session.release();
  return { losses, ms, grads, params, buildMs: t1 - t0, sessionMs: t2 - t1, nodeCount: graph.nodeCount };
}

