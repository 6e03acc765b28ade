import { parentPort } from 'node:worker_threads';
import { fitEngine, type FitOptions } from './fit';
import { TrainingEngine } from './training-engine';
import type { TrainConfigInput } from './train-config';
import type { TrainingImage } from './training-data';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

/** The worker side of `Trainer`: owns one TrainingEngine and answers requests one at a time. */
let engine: TrainingEngine | null = null;
let cancelled = false;
let queue: Promise<void> = Promise.resolve();

function need(): TrainingEngine {
  if (!engine) throw Object.assign(new Error('trainer not initialised'), { code: 'NOT_INITIALISED' });
  return engine;
}

async function handle(req: WorkerRequest): Promise<unknown> {
  switch (req.op) {
    case 'init': {
      const { config, train, validation } = req.args as { config: TrainConfigInput; train: TrainingImage[]; validation: TrainingImage[] };
      engine = await TrainingEngine.create(config, train, validation);
      return { configHash: engine.configHash, normalisation: engine.normalisation, perImageNormalisation: engine.perImageNormalisation };
    }
    case 'steps': {
      const out = [];
      for (let i = 0; i < (req.args as number); i++) out.push(await need().trainStep());
      return out;
    }
    case 'fit': {
      cancelled = false;
      const res = await fitEngine(need(), req.args as FitOptions, {
        onProgress: (p) => parentPort?.postMessage({ event: 'progress', id: req.id, data: p } satisfies WorkerResponse),
        shouldStop: () => cancelled,
      });
      return res;
    }
    case 'validate': return need().validate();
    case 'checkpoint': return need().serializeCheckpoint(req.args as Record<string, unknown> | undefined);
    case 'restore': need().restoreCheckpoint(req.args as Uint8Array); return need().step;
    case 'weights': return need().weights();
    case 'export': return need().exportOnnx(req.args as { height: number; width: number } | undefined);
    case 'close': await engine?.close(); engine = null; return null;
    default: throw new Error(`unknown op ${String(req.op)}`);
  }
}

parentPort?.on('message', (req: WorkerRequest) => {
  // `cancel` is answered at once; everything else runs in order.
  if (req.op === 'cancel') {
    cancelled = true;
    parentPort?.postMessage({ id: req.id, ok: true, result: null } satisfies WorkerResponse);
    return;
  }
  queue = queue.then(async () => {
    try {
      const result = await handle(req);
      parentPort?.postMessage({ id: req.id, ok: true, result } satisfies WorkerResponse);
    } catch (e) {
      const err = e as Error & { code?: string };
      parentPort?.postMessage({ id: req.id, ok: false, error: { code: err.code ?? 'TRAINER', message: err.message } } satisfies WorkerResponse);
    }
  });
});
