/** Queue names; a worker app consumes one or more of them. */
export const QUEUES = {
  training: 'tessera-training',
  packaging: 'tessera-packaging',
  /** image.ingest (decode + OME-Zarr pyramid); consumed by the packager app. */
  ingest: 'tessera-ingest',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
