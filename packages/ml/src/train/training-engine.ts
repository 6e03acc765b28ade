import type * as ort from 'onnxruntime-node';
import { buildInferenceGraph, type InputNormalisation } from '../model/build-inference-graph';
import { buildTrainingGraph, io } from '../model/build-training-graph';
import { initParams, type ParamSet } from '../model/params';
import { unetParamSpecs } from '../model/unet';
import { CheckpointError, restoreCheckpoint, serializeCheckpoint } from './checkpoint';
import { argmaxLast } from './metrics';
import { medianNormalisation, percentileNormalisation } from './normalise';
import { createSession, floatTensor, scalar } from './ort-session';
import { PatchSampler } from './patch-sampler';
import { predictImage } from './predict';
import { Rng } from './rng';
import { hashConfig, learningRate, TrainConfigSchema, type TrainConfig, type TrainConfigInput } from './train-config';
import { checkImage, type TrainingImage } from './training-data';

export interface StepResult {
  readonly step: number;
  readonly loss: number;
  readonly lr: number;
}

export interface ValidationResult {
  /** IoU per class over labelled validation pixels (NaN where a class is absent). */
  readonly iou: number[];
  readonly meanIou: number;
  /** Pixel accuracy over labelled validation pixels. */
  readonly accuracy: number;
}

/**
 * The training core (runs in whichever thread creates it; `Trainer` puts it in a worker): one ONNX session
 * holding forward + backward + Adam, with parameters and moments fed back from outputs to inputs each step.
 */
export class TrainingEngine {
  private feeds: Record<string, ort.Tensor> = {};
  private stepCount = 0;
  private rng: Rng;
  readonly configHash: string;

  private constructor(
    readonly config: TrainConfig,
    private readonly session: ort.InferenceSession,
    private readonly sampler: PatchSampler,
    private readonly validation: readonly TrainingImage[],
    /** What the exported model bakes in (the median of the per-image values). */
    readonly normalisation: InputNormalisation,
    /** Percentile normalisation of each training image, recorded for the run. */
    readonly perImageNormalisation: readonly InputNormalisation[],
  ) {
    this.rng = new Rng(config.seed);
    this.configHash = hashConfig(config);
  }

  static async create(input: TrainConfigInput, train: readonly TrainingImage[], validation: readonly TrainingImage[] = []): Promise<TrainingEngine> {
    const config = TrainConfigSchema.parse(input);
    const { model, batch, patch } = config;
    const classes = model.head === 'softmax' ? model.outChannels : 2;
    for (const img of [...train, ...validation]) checkImage(img, classes);
    const perImage = train.map((img) => percentileNormalisation(img, config.normalisation.low, config.normalisation.high));
    const baked = medianNormalisation(perImage);
    const norms = config.normalisation.mode === 'per-image' ? perImage : train.map(() => baked);
    const sampler = new PatchSampler(train, norms, {
      batch, patch, outChannels: model.outChannels, head: model.head, classWeights: config.classWeights, augment: config.augment,
    });
    const graph = buildTrainingGraph(model, { batch, height: patch, width: patch, adam: config.adam, diceWeight: config.diceWeight });
    const session = await createSession(graph.bytes, config.execution);
    const engine = new TrainingEngine(config, session, sampler, validation, baked, perImage);
    engine.setParams(initParams(unetParamSpecs(model), new Rng(config.seed ^ 0x5eed)));
    return engine;
  }

  get step(): number {
    return this.stepCount;
  }

  private setParams(params: ParamSet, m?: ParamSet, v?: ParamSet): void {
    for (const s of unetParamSpecs(this.config.model)) {
      const p = params.get(s.name);
      if (!p) throw new CheckpointError(`missing parameter ${s.name}`);
      this.feeds[io.param(s.name)] = floatTensor(Float32Array.from(p), s.shape);
      this.feeds[io.m(s.name)] = floatTensor(Float32Array.from(m?.get(s.name) ?? new Float32Array(p.length)), s.shape);
      this.feeds[io.v(s.name)] = floatTensor(Float32Array.from(v?.get(s.name) ?? new Float32Array(p.length)), s.shape);
    }
  }

  /** Runs one training step on a freshly sampled batch. */
  async trainStep(): Promise<StepResult> {
    const { batch: n, patch: p, model } = this.config;
    const b = this.sampler.nextBatch(this.rng);
    const step = this.stepCount + 1;
    const lr = learningRate(this.config, step);
    const f = this.feeds;
    f.x = floatTensor(b.x, [n, model.inChannels, p, p]);
    f.target = floatTensor(b.target, [n, model.outChannels, p, p]);
    f.mask = floatTensor(b.mask, [n, 1, p, p]);
    f.lr = scalar(lr);
    f.step = scalar(step);
    const out = await this.session.run(f);
    for (const s of unetParamSpecs(model)) {
      f[io.param(s.name)] = out[io.newParam(s.name)] as ort.Tensor;
      f[io.m(s.name)] = out[io.newM(s.name)] as ort.Tensor;
      f[io.v(s.name)] = out[io.newV(s.name)] as ort.Tensor;
    }
    this.stepCount = step;
    return { step, loss: Number((out.loss as ort.Tensor).data[0]), lr };
  }

  /** Current weights (copies). */
  weights(): ParamSet {
    return this.collect(io.param);
  }

  private collect(key: (n: string) => string): ParamSet {
    return new Map(unetParamSpecs(this.config.model).map((s) => [s.name, Float32Array.from((this.feeds[key(s.name)] as ort.Tensor).data as Float32Array)]));
  }

  /** The inference model (opset 12, NHWC, normalisation baked in) with the current weights. */
  exportOnnx(tile?: { height: number; width: number }): Uint8Array {
    return buildInferenceGraph(this.config.model, this.weights(), { normalisation: this.normalisation, tile });
  }

  /** Metrics on the labelled pixels of the validation images, through the exported model. */
  async validate(): Promise<ValidationResult | null> {
    if (this.validation.length === 0) return null;
    const session = await createSession(this.exportOnnx(), this.config.execution);
    const { model } = this.config;
    const classes = model.head === 'softmax' ? model.outChannels : 2;
    const inter = new Float64Array(classes), uni = new Float64Array(classes);
    let correct = 0, total = 0;
    for (const img of this.validation) {
      const scores = await predictImage(session, img, 2 ** model.depth);
      const pred = argmaxLast(scores, model.outChannels);
      for (let i = 0; i < img.labels.length; i++) {
        const l = img.labels[i] as number;
        if (l === 0) continue;
        total++;
        if (pred[i] === l - 1) correct++;
      }
      // Accumulate counts rather than averaging per-image IoUs.
      for (let c = 0; c < classes; c++) {
        let ic = 0, uc = 0;
        for (let i = 0; i < img.labels.length; i++) {
          const l = img.labels[i] as number;
          if (l === 0) continue;
          const t = l - 1 === c, p = pred[i] === c;
          if (t && p) ic++;
          if (t || p) uc++;
        }
        inter[c]! += ic;
        uni[c]! += uc;
      }
    }
    await session.release();
    const iou = Array.from(inter, (v, c) => (uni[c]! > 0 ? v / uni[c]! : NaN));
    const valid = iou.filter((v) => !Number.isNaN(v));
    return { iou, meanIou: valid.reduce((a, b) => a + b, 0) / Math.max(valid.length, 1), accuracy: total ? correct / total : NaN };
  }

  serializeCheckpoint(extra: Record<string, unknown> = {}): Uint8Array {
    const tensors = new Map<string, Float32Array>();
    for (const [k, key] of [['param', io.param], ['adam_m', io.m], ['adam_v', io.v]] as const) {
      for (const [name, data] of this.collect(key)) tensors.set(`${k}:${name}`, data);
    }
    return serializeCheckpoint({ step: this.stepCount, rng: this.rng.state(), configHash: this.configHash, tensors, extra });
  }

  restoreCheckpoint(bytes: Uint8Array): void {
    const st = restoreCheckpoint(bytes);
    if (st.configHash !== this.configHash) throw new CheckpointError(`checkpoint belongs to config ${st.configHash}, this run is ${this.configHash}`);
    const pick = (prefix: string): ParamSet => new Map(unetParamSpecs(this.config.model).map((s) => {
      const t = st.tensors.get(`${prefix}:${s.name}`);
      if (!t || t.length !== s.shape.reduce((a, b) => a * b, 1)) throw new CheckpointError(`checkpoint lacks ${prefix}:${s.name}`);
      return [s.name, t];
    }));
    this.setParams(pick('param'), pick('adam_m'), pick('adam_v'));
    this.stepCount = st.step;
    this.rng = new Rng(st.rng);
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}
