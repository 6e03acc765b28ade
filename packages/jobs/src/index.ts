export { QUEUES, type QueueName } from './queues';
export { defineJob, type JobDefinition, type JobPayload } from './define-job';
export { PING_TRAINER, PING_PACKAGER, INGEST_IMAGE, TRAIN_MODEL, APPLY_MODEL, PACKAGE_CZANN, PACKAGE_BUNDLE, MODEL_INFER, ALL_JOBS } from './contracts';
export { createRedis, DEFAULT_REDIS_URL } from './redis';
export { enqueue, getQueue, closeQueues } from './enqueue';
export { runWorker, UnknownJobError, type JobHandler } from './run-worker';
export { writeHeartbeat, markStopped, HEARTBEAT_INTERVAL_MS, type HeartbeatRow } from './heartbeat';
export { startWorkerApp, runWorkerProcess, type WorkerApp, type WorkerAppOptions } from './worker-app';
export { handlePing } from './ping';
