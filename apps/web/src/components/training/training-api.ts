/** Client-side shapes and paths of the training API (server: src/server/api/endpoints/training.ts). */
const enc = encodeURIComponent;

export type RunStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export interface TrainingRun {
  id: string; projectId: string; name: string; status: RunStatus; modelType: string; classes: string[]; seed: number; snapshotHash: string;
  imageCount: number; totalSteps: number; step: number; epoch: number; loss: number | null; valMetric: number | null; bestValMetric: number | null;
  msPerStep: number | null; etaSeconds: number | null; checkpointStep: number; resumeCount: number; cancelRequested: boolean; error: string | null;
  retryOfId: string | null; modelVersionId: string | null; createdAt: string; finishedAt: string | null;
}
export interface Point { step: number; loss: number; valMetric: number | null; elapsedMs: number }
export interface RunDetail { run: TrainingRun; points: Point[]; queue: { position: number; running: number; etaStartSeconds: number } | null }
export interface Prediction {
  imageId: string; imageName: string; width: number; height: number; classes: string[]; labelCounts: number[]; meanConfidence: number | null;
  urls: { overlay: string; labels: string; confidence: string; image: string };
}
export interface CheckIssue { severity: 'error' | 'warning'; code: string; message: string; imageName?: string }

export const trainingPaths = {
  projectRuns: (orgId: string, projectId: string) => `/api/v1/orgs/${enc(orgId)}/projects/${enc(projectId)}/training-runs`,
  checks: (orgId: string, projectId: string) => `/api/v1/orgs/${enc(orgId)}/projects/${enc(projectId)}/annotations/checks`,
  run: (orgId: string, runId: string) => `/api/v1/orgs/${enc(orgId)}/training-runs/${enc(runId)}`,
  runPage: (orgId: string, projectId: string, runId: string) => `/o/${enc(orgId)}/projects/${enc(projectId)}/training/${enc(runId)}`,
  trainingPage: (orgId: string, projectId: string) => `/o/${enc(orgId)}/projects/${enc(projectId)}/training`,
};

export const STATUS_TONE: Record<RunStatus, 'slate' | 'indigo' | 'amber' | 'red' | 'emerald'> = {
  QUEUED: 'slate', RUNNING: 'indigo', SUCCEEDED: 'emerald', FAILED: 'red', CANCELLED: 'amber',
};

export function formatSeconds(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '—';
  if (s < 60) return `${Math.max(0, Math.round(s))} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${Math.round(s % 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
