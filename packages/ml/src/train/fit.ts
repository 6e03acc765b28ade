import { z } from 'zod';
import type { ParamSet } from '../model/params';
import type { TrainingEngine, ValidationResult } from './training-engine';

export const FitOptionsSchema = z.object({
  steps: z.number().int().min(1),
  /** Validate every this many steps (0 = never). */
  validateEvery: z.number().int().min(0).default(0),
  /** Stop after this many validations without improvement of mean IoU (0 = never stop early). */
  patience: z.number().int().min(0).default(0),
  /** Wall-clock budget in seconds (0 = none). */
  maxSeconds: z.number().min(0).default(0),
});
export type FitOptions = z.infer<typeof FitOptionsSchema>;

export interface FitProgress {
  readonly step: number;
  readonly loss: number;
  readonly lr: number;
  readonly elapsedMs: number;
  readonly etaMs: number;
  readonly validation?: ValidationResult;
}

export interface FitResult {
  readonly steps: number;
  readonly stoppedBy: 'steps' | 'early-stopping' | 'time' | 'cancelled';
  readonly best: { readonly step: number; readonly meanIou: number } | null;
  /** Weights at the best validation (null without validation). */
  readonly bestWeights: ParamSet | null;
}

export interface FitHooks {
  onProgress?(p: FitProgress): void;
  /** Polled between steps. */
  shouldStop?(): boolean;
}

const yieldToEventLoop = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Trains for `steps` more steps with periodic validation, early stopping, a time budget and cancellation. */
export async function fitEngine(engine: TrainingEngine, input: z.input<typeof FitOptionsSchema>, hooks: FitHooks = {}): Promise<FitResult> {
  const o = FitOptionsSchema.parse(input);
  const t0 = performance.now();
  let best: FitResult['best'] = null;
  let bestWeights: ParamSet | null = null;
  let sinceBest = 0;
  for (let i = 1; i <= o.steps; i++) {
    await yieldToEventLoop();
    if (hooks.shouldStop?.()) return { steps: i - 1, stoppedBy: 'cancelled', best, bestWeights };
    const r = await engine.trainStep();
    const elapsedMs = performance.now() - t0;
    const etaMs = (elapsedMs / i) * (o.steps - i);
    let validation: ValidationResult | undefined;
    if (o.validateEvery > 0 && (i % o.validateEvery === 0 || i === o.steps)) {
      validation = (await engine.validate()) ?? undefined;
      if (validation && (best === null || validation.meanIou > best.meanIou)) {
        best = { step: r.step, meanIou: validation.meanIou };
        bestWeights = engine.weights();
        sinceBest = 0;
      } else if (validation) {
        sinceBest++;
      }
    }
    hooks.onProgress?.({ ...r, elapsedMs, etaMs, validation });
    if (o.patience > 0 && sinceBest >= o.patience) return { steps: i, stoppedBy: 'early-stopping', best, bestWeights };
    if (o.maxSeconds > 0 && elapsedMs / 1000 >= o.maxSeconds) return { steps: i, stoppedBy: 'time', best, bestWeights };
  }
  return { steps: o.steps, stoppedBy: 'steps', best, bestWeights };
}
