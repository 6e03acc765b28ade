import type { Db } from '@tessera/db';
import type { FitProgress } from '@tessera/ml';

interface Extra {
  step?: number;
  valMetric?: number | null;
  data?: Record<string, unknown>;
}

export interface ProgressPoint {
  step: number;
  loss: number;
  lr: number;
  valMetric: number | null;
  elapsedMs: number;
}

/**
 * Buffers per-step progress and writes it at most every `intervalMs`: loss-curve points, the run row's step, loss,
 * speed and ETA, and its heartbeat; reports whether a cancel was requested meanwhile. Writes are serialised.
 */
export class ProgressWriter {
  private buffer: ProgressPoint[] = [];
  private last = 0;
  private chain: Promise<void> = Promise.resolve();
  private recentMs: number[] = [];
  private lastStepAt = 0;
  cancelRequested = false;

  constructor(
    private readonly db: Db,
    private readonly run: { id: string; organizationId: string; totalSteps: number },
    private readonly stepsPerEpoch: number,
    private readonly intervalMs = 1000,
    private readonly onCancel: () => void = () => undefined,
  ) {}

  /** Milliseconds per step over the last 20 steps. */
  get msPerStep(): number | null {
    return this.recentMs.length ? this.recentMs.reduce((a, b) => a + b, 0) / this.recentMs.length : null;
  }

  add(p: FitProgress, trainMsBefore: number): void {
    const now = performance.now();
    if (this.lastStepAt > 0) {
      this.recentMs.push(now - this.lastStepAt);
      if (this.recentMs.length > 20) this.recentMs.shift();
    }
    this.lastStepAt = now;
    this.buffer.push({ step: p.step, loss: p.loss, lr: p.lr, valMetric: null, elapsedMs: Math.round(trainMsBefore + p.elapsedMs) });
    if (Date.now() - this.last >= this.intervalMs) void this.flush();
  }

  /** Marks the pause between fits (validation, checkpoint): the next step's duration is not measured across it. */
  pause(): void {
    this.lastStepAt = 0;
  }

  /** Writes what is buffered; `valMetric` belongs to the point of `step` (the step validated). */
  flush(extra: Extra = {}): Promise<void> {
    this.last = Date.now();
    const points = this.buffer.splice(0);
    this.chain = this.chain.then(() => this.write(points, extra)).catch((e: Error) => console.error(`[trainer] progress write failed: ${e.message}`));
    return this.chain;
  }

  private async write(points: ProgressPoint[], extra: Extra): Promise<void> {
    const lastPoint = points[points.length - 1];
    if (points.length) {
      await this.db.trainingRunPoint.createMany({
        data: points.map((p) => ({ runId: this.run.id, organizationId: this.run.organizationId, ...p })),
        skipDuplicates: true,
      });
    }
    if (extra.valMetric != null && extra.step) {
      await this.db.trainingRunPoint.updateMany({ where: { runId: this.run.id, step: extra.step }, data: { valMetric: extra.valMetric } });
    }
    const ms = this.msPerStep;
    const tail = points.slice(-10);
    const row = await this.db.trainingRun.update({
      where: { id: this.run.id },
      data: {
        heartbeatAt: new Date(),
        ...(lastPoint ? {
          step: lastPoint.step,
          epoch: lastPoint.step / this.stepsPerEpoch,
          loss: tail.reduce((a, p) => a + p.loss, 0) / tail.length,
          msPerStep: ms,
          etaSeconds: ms === null ? null : ((this.run.totalSteps - lastPoint.step) * ms) / 1000,
        } : {}),
        ...(extra.valMetric != null ? { valMetric: extra.valMetric } : {}),
        ...extra.data,
      },
      select: { cancelRequestedAt: true },
    });
    if (row.cancelRequestedAt && !this.cancelRequested) {
      this.cancelRequested = true;
      this.onCancel();
    }
  }
}
