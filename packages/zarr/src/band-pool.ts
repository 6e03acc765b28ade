import { Worker } from 'node:worker_threads';
import { processBand, type BandResult, type BandTask } from './band-task';

/** Runs band tasks: on the calling thread, or spread over pyramid workers. */
export interface BandRunner {
  run(task: BandTask): Promise<BandResult>;
  close(): Promise<void>;
}

/** The buffer a view may give away (transfer) when it is the whole of it; a view into a larger buffer is not. */
export function ownBuffer(a: ArrayBufferView): ArrayBuffer | undefined {
  return a.byteOffset === 0 && a.byteLength === a.buffer.byteLength && a.buffer instanceof ArrayBuffer ? a.buffer : undefined;
}

export function inlineRunner(): BandRunner {
  return { run: async (task) => processBand(task), close: async () => undefined };
}

interface Pending {
  task: BandTask;
  resolve: (r: BandResult) => void;
  reject: (e: unknown) => void;
}

/**
 * `size` worker threads, one band each at a time, tasks queued in order. A band's samples are moved to its worker
 * (copied first when they are a view into a larger buffer, which moving would empty), results moved back.
 */
export function workerPool(size: number): BandRunner {
  const idle: Worker[] = [];
  const busy = new Map<Worker, Pending>();
  const queue: Pending[] = [];
  let failure: Error | undefined;
  const fail = (e: Error) => {
    failure ??= e;
    for (const p of [...busy.values(), ...queue.splice(0)]) p.reject(failure);
    busy.clear();
  };
  const dispatch = () => {
    while (idle.length && queue.length) {
      const worker = idle.pop()!;
      const p = queue.shift()!;
      busy.set(worker, p);
      const own = ownBuffer(p.task.band.data) ? p.task.band : { ...p.task.band, data: p.task.band.data.slice() };
      const halfInto = p.task.halfInto && (ownBuffer(p.task.halfInto) ? p.task.halfInto : p.task.halfInto.slice());
      worker.postMessage({ ...p.task, band: own, halfInto }, [own.data.buffer as ArrayBuffer, ...(halfInto ? [halfInto.buffer as ArrayBuffer] : [])]);
    }
  };
  for (let i = 0; i < size; i++) {
    const worker = new Worker(new URL('./band-worker-entry.mjs', import.meta.url));
    worker.on('message', (msg: { ok: true; result: BandResult } | { ok: false; error: { message: string; name: string } }) => {
      const p = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (msg.ok) p?.resolve(msg.result);
      else p?.reject(msg.error.name === 'RangeError' ? new RangeError(msg.error.message) : new Error(msg.error.message));
      dispatch();
    });
    worker.on('error', (e) => fail(e));
    worker.on('exit', (code) => fail(new Error(`a pyramid worker exited (${code})`)));
    idle.push(worker);
  }
  return {
    run: (task) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        queue.push({ task, resolve, reject });
        dispatch();
      }),
    close: async () => {
      failure ??= new Error('the pyramid workers are closed');
      const all = [...idle, ...busy.keys()];
      for (const w of all) w.removeAllListeners('exit');
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
