/** A run ahead of (or at) the head of the training queue, as the ETA estimate sees it. */
export interface QueueEntry {
  status: 'QUEUED' | 'RUNNING';
  totalSteps: number;
  step: number;
  /** Measured speed of a running run; null before its first steps. */
  msPerStep: number | null;
}

/**
 * Seconds until a queued run starts: the remaining work of the runs ahead of it (running ones at their measured
 * speed, queued ones at `defaultMsPerStep`), shared by `slots` concurrent trainers.
 */
export function estimateStartSeconds(ahead: readonly QueueEntry[], defaultMsPerStep: number, slots = 1): number {
  let ms = 0;
  for (const r of ahead) ms += Math.max(0, r.totalSteps - r.step) * (r.msPerStep ?? defaultMsPerStep);
  return ms / 1000 / Math.max(1, slots);
}
