import type { OpInput, OpResult } from './types';

/** Where queued ops survive a reload or a crash of the tab (localStorage in the browser, memory in tests). */
export interface QueueStorage {
  load(): OpInput[];
  save(ops: readonly OpInput[]): void;
}

/** Thrown by a sender when the batch itself was refused (HTTP 4xx other than 408/429): not worth retrying as is. */
export class BatchRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type SendBatch = (ops: readonly OpInput[]) => Promise<OpResult[]>;

export interface OpQueueOptions {
  storage: QueueStorage;
  send: SendBatch;
  /** Called once per op when the server answered for it (applied, duplicate, conflict or rejected). */
  onResult: (op: OpInput, result: OpResult) => void;
  onState?: (state: { pending: number; online: boolean }) => void;
  maxBatch?: number;
  maxBatchBytes?: number;
  retryMs?: (attempt: number) => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

/**
 * The browser's outbox: every op is written to storage before it is sent and removed only when the server said
 * what became of it, so a stroke drawn offline or while the server restarts is sent later, in order, once
 * (idempotency keys make a resend after a lost answer harmless).
 */
export class OpQueue {
  private ops: OpInput[];
  private inflight = false;
  private attempt = 0;
  private timer: unknown = null;
  online = true;

  constructor(private readonly o: OpQueueOptions) {
    this.ops = o.storage.load();
  }

  get pending(): readonly OpInput[] {
    return this.ops;
  }

  enqueue(op: OpInput): void {
    this.ops.push(op);
    this.o.storage.save(this.ops);
    this.emit();
    void this.flush();
  }

  /** Sends what is queued, oldest first, one batch at a time; resolves when the queue is empty or sending failed. */
  flush(): Promise<void> {
    if (this.running) return this.running;
    if (this.ops.length === 0) return Promise.resolve();
    this.running = this.run().finally(() => (this.running = null));
    return this.running;
  }

  private running: Promise<void> | null = null;

  private async run(): Promise<void> {
    this.inflight = true;
    try {
      while (this.ops.length > 0) {
        const batch = this.takeBatch();
        let results: OpResult[];
        try {
          results = await this.o.send(batch);
        } catch (e) {
          if (e instanceof BatchRefused && batch.length > 1) {
            // find the bad op: send one at a time
            this.singles = true;
            continue;
          }
          if (e instanceof BatchRefused) {
            this.finish(batch[0]!, { key: batch[0]!.key, status: 'rejected', message: e.message });
            continue;
          }
          this.setOnline(false);
          this.scheduleRetry();
          return;
        }
        this.attempt = 0;
        this.singles = false;
        this.setOnline(true);
        const byKey = new Map(results.map((r) => [r.key, r]));
        for (const op of batch) {
          const r = byKey.get(op.key);
          if (r) this.finish(op, r);
        }
      }
    } finally {
      this.inflight = false;
    }
  }

  /** Try again now (e.g. the browser went online). */
  retryNow(): void {
    this.attempt = 0;
    void this.flush();
  }

  private singles = false;

  private takeBatch(): OpInput[] {
    const max = this.singles ? 1 : (this.o.maxBatch ?? 100);
    const maxBytes = this.o.maxBatchBytes ?? 1_000_000;
    const out: OpInput[] = [];
    let bytes = 0;
    for (const op of this.ops) {
      const size = JSON.stringify(op).length;
      if (out.length > 0 && (out.length >= max || bytes + size > maxBytes)) break;
      out.push(op);
      bytes += size;
    }
    return out;
  }

  private finish(op: OpInput, r: OpResult) {
    this.ops = this.ops.filter((x) => x.key !== op.key);
    this.o.storage.save(this.ops);
    this.o.onResult(op, r);
    this.emit();
  }

  private scheduleRetry() {
    if (this.timer) return;
    const ms = this.o.retryMs ? this.o.retryMs(this.attempt) : Math.min(5000, 250 * 2 ** this.attempt);
    this.attempt++;
    const set = this.o.setTimer ?? ((fn: () => void, t: number) => setTimeout(fn, t));
    this.timer = set(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private setOnline(v: boolean) {
    if (this.online === v) return;
    this.online = v;
    this.emit();
  }

  private emit() {
    this.o.onState?.({ pending: this.ops.length, online: this.online });
  }
}

/** localStorage-backed storage for one user's queue on one image. */
export function localQueueStorage(key: string): QueueStorage {
  return {
    load: () => {
      try {
        return JSON.parse(localStorage.getItem(key) ?? '[]') as OpInput[];
      } catch {
        return [];
      }
    },
    save: (ops) => {
      if (ops.length === 0) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(ops));
    },
  };
}

export function memoryQueueStorage(initial: OpInput[] = []): QueueStorage & { saved: OpInput[] } {
  const s = { saved: [...initial], load: () => [...s.saved], save: (ops: readonly OpInput[]) => void (s.saved = [...ops]) };
  return s;
}
