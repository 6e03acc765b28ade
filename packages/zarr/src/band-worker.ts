import { parentPort } from 'node:worker_threads';
import { processBand, type BandTask } from './band-task';
import { ownBuffer } from './band-pool';

/** A pyramid worker: processes one band at a time and hands every buffer of the result back without copying. */
parentPort!.on('message', (task: BandTask) => {
  try {
    const r = processBand(task);
    const transfer = [...r.chunks.map((c) => c.bytes), ...(r.stats?.counts ?? []), r.half?.data, r.band?.data, r.spent]
      .filter((a) => a !== undefined)
      .map(ownBuffer)
      .filter((b) => b !== undefined);
    parentPort!.postMessage({ ok: true, result: r }, [...new Set(transfer)]);
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: { message: (e as Error).message, name: (e as Error).name } });
  }
});
