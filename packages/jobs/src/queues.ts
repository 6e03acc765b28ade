/** Queue names; a worker app consumes one or more of them. */
export const QUEUES = {
  training: 'tessera-training',
  packaging: 'tessera-packaging',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
