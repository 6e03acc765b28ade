import type { Worker } from 'bullmq';
import { HEARTBEAT_INTERVAL_MS, markStopped, writeHeartbeat, type HeartbeatStore } from './heartbeat';
import type { QueueName } from './queues';
import { createRedis } from './redis';
import { runWorker, type JobHandler } from './run-worker';
import type { JobDefinition } from './define-job';

export interface WorkerAppOptions {
  kind: string;
  queues: QueueName[];
  handlers: { def: JobDefinition; handle: JobHandler }[];
  db: HeartbeatStore;
  redisUrl: string;
  concurrency: number;
  /** Lock and stalled-job settings passed to each BullMQ worker. */
  workerOptions?: Parameters<typeof runWorker>[0]['options'];
  log?: (msg: string) => void;
}

export interface WorkerApp {
  workers: Worker[];
  stop(): Promise<void>;
}

/**
 * Starts one BullMQ worker per queue, writes a heartbeat row every few seconds and stops cleanly: in-flight jobs
 * finish (BullMQ's close waits for them), the heartbeat is marked stopped, connections close.
 */
export async function startWorkerApp(opts: WorkerAppOptions): Promise<WorkerApp> {
  const log = opts.log ?? ((m: string) => console.log(`[${opts.kind}] ${m}`));
  const connection = createRedis(opts.redisUrl);
  await connection.ping();
  const startedAt = new Date();
  await writeHeartbeat(opts.db, opts.kind, opts.queues, startedAt);
  const workers = opts.queues.map((queue) =>
    runWorker({ connection, queue, concurrency: opts.concurrency, handlers: opts.handlers, options: opts.workerOptions }),
  );
  for (const w of workers) w.on('failed', (job, err) => log(`job ${job?.name} ${job?.id} failed: ${err.message}`));
  const timer = setInterval(() => {
    writeHeartbeat(opts.db, opts.kind, opts.queues, startedAt).catch((e: Error) => log(`heartbeat failed: ${e.message}`));
  }, HEARTBEAT_INTERVAL_MS);
  log(`consuming ${opts.queues.join(', ')} (concurrency ${opts.concurrency})`);
  let stopping: Promise<void> | undefined;
  return {
    workers,
    stop: () =>
      (stopping ??= (async () => {
        clearInterval(timer);
        await Promise.all(workers.map((w) => w.close()));
        await markStopped(opts.db, opts.kind).catch(() => undefined);
        connection.disconnect();
        log('stopped');
      })()),
  };
}

/**
 * The main of a worker process: signal handlers are installed before start-up, so a SIGTERM that arrives while the
 * app is still starting also ends in a clean stop and exit code 0.
 */
export function runWorkerProcess(start: () => Promise<WorkerApp>): void {
  const app = Promise.resolve().then(start);
  const stop = () => {
    app.then((a) => a.stop()).then(
      () => process.exit(0),
      (e: Error) => {
        console.error(e.message);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  app.catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
}
