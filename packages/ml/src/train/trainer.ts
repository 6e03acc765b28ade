import { Worker } from 'node:worker_threads';
import type { InputNormalisation } from '../model/build-inference-graph';
import type { ParamSet } from '../model/params';
import type { FitOptionsSchema, FitProgress, FitResult } from './fit';
import type { StepResult, ValidationResult } from './training-engine';
import type { TrainConfigInput } from './train-config';
import type { TrainingImage } from './training-data';
import type { WorkerOp, WorkerRequest, WorkerResponse } from './worker-protocol';
import type { z } from 'zod';

export class TrainerError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export interface TrainerInfo {
  readonly configHash: string;
  /** Baked into the export. */
  readonly normalisation: InputNormalisation;
  readonly perImageNormalisation: readonly InputNormalisation[];
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  onProgress?: (p: FitProgress) => void;
}

/**
 * Runs a TrainingEngine in a `worker_thread` (a step blocks its thread for its whole duration), so the caller's
 * event loop stays free for progress reporting, cancellation and heartbeats.
 */
export class Trainer {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (msg: WorkerResponse) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      if ('event' in msg) return p.onProgress?.(msg.data as FitProgress);
      this.pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new TrainerError(msg.error.code, msg.error.message));
    });
    worker.on('error', (e) => this.failAll(e));
    worker.on('exit', (code) => this.failAll(new TrainerError('WORKER_EXIT', `training worker exited with code ${code}`)));
  }

  /** Starts a worker and initialises its engine (builds the graph, creates the session, initialises weights). */
  static async start(config: TrainConfigInput, train: readonly TrainingImage[], validation: readonly TrainingImage[] = []): Promise<Trainer & { info: TrainerInfo }> {
    const worker = new Worker(new URL('./train-worker-entry.mjs', import.meta.url));
    const t = new Trainer(worker);
    try {
      const info = await t.call('init', { config, train, validation }) as TrainerInfo;
      return Object.assign(t, { info });
    } catch (e) {
      await worker.terminate();
      throw e;
    }
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  private call(op: WorkerOp, args?: unknown, onProgress?: (p: FitProgress) => void): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ id, op, args } satisfies WorkerRequest);
    });
  }

  steps(n: number): Promise<StepResult[]> {
    return this.call('steps', n) as Promise<StepResult[]>;
  }

  fit(opts: z.input<typeof FitOptionsSchema>, onProgress?: (p: FitProgress) => void): Promise<FitResult> {
    return this.call('fit', opts, onProgress) as Promise<FitResult>;
  }

  /** Asks a running `fit` to stop after its current step. */
  cancel(): Promise<void> {
    return this.call('cancel') as Promise<void>;
  }

  validate(): Promise<ValidationResult | null> {
    return this.call('validate') as Promise<ValidationResult | null>;
  }

  /** Weights, Adam moments, step and RNG state as bytes (for S3). */
  serializeCheckpoint(extra?: Record<string, unknown>): Promise<Uint8Array> {
    return this.call('checkpoint', extra) as Promise<Uint8Array>;
  }

  /** Restores a checkpoint of the same config; resolves to the restored step. */
  restoreCheckpoint(bytes: Uint8Array): Promise<number> {
    return this.call('restore', bytes) as Promise<number>;
  }

  weights(): Promise<ParamSet> {
    return this.call('weights') as Promise<ParamSet>;
  }

  /** The inference model with the current weights (opset 12, NHWC, normalisation baked in, softmax). */
  exportOnnx(tile?: { height: number; width: number }): Promise<Uint8Array> {
    return this.call('export', tile) as Promise<Uint8Array>;
  }

  async close(): Promise<void> {
    try {
      await this.call('close');
    } finally {
      await this.worker.terminate();
    }
  }
}
