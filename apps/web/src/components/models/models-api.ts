/** Client-side shapes and paths of the model registry API (server: src/server/api/endpoints/models.ts). */
import { ApiError, api } from '@/lib/api-client';

const enc = encodeURIComponent;

export type ModelSource = 'TRAINED' | 'IMPORTED' | 'SERVICE';
export type JobStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
export type PackageKind = 'CZANN' | 'BUNDLE';
export type ArtifactName = 'czann' | 'onnx' | 'bundle' | 'image' | 'parity';

export interface Finding { severity: 'error' | 'warning'; code: string; message: string; field?: string }
export interface Artifact { fileName: string; sha256: string; bytes: number }
export interface TileParity {
  tile: string; width: number; height: number; maxAbsProbDiff: number; labelAgreement: number;
  platformInstances: number | null; artefactInstances: number | null; instanceCountDiff: number;
}
export interface ParityReport {
  artefact: 'czann' | 'bundle'; artefactSha256: string; modelType: string;
  thresholds: { maxAbsProbDiff: number; minLabelAgreement: number; maxInstanceCountDiff: number };
  tiles: TileParity[]; maxAbsProbDiff: number; labelAgreement: number; instanceCountDiff: number;
  checksumsMatch: boolean | null; passed: boolean; failures: string[]; goldenSet: string; createdAt: string;
}
export interface ModelPackage {
  id: string; versionId: string; kind: PackageKind; status: JobStatus; error: string | null;
  artifacts: Partial<Record<ArtifactName, Artifact>>; parity: ParityReport | null; parityPassed: boolean | null;
  docker: { built: boolean; note: string; tag?: string } | null; timings: Record<string, number> | null;
  createdAt: string; finishedAt: string | null;
}
export interface ModelVersion {
  id: string; modelId: string; number: number; source: ModelSource; format: string; modelType: string; classes: string[];
  fileName: string; fileSha256: string; fileBytes: number; metadata: Record<string, unknown> | null; findings: Finding[];
  valid: boolean; lineage: Record<string, unknown> | null; metrics: Record<string, unknown> | null; notes: string;
  createdAt: string; packages: ModelPackage[];
}
export interface Model { id: string; projectId: string; name: string; description: string; createdAt: string; updatedAt: string; versions: ModelVersion[] }
export interface Comparison {
  versions: { id: string; number: number; source: ModelSource; createdAt: string }[];
  metrics: { name: string; values: (number | null)[] }[];
}
export interface InferenceRun {
  id: string; projectId: string; versionId: string; imageId: string | null; inputName: string; status: JobStatus; error: string | null;
  outputs: Partial<Record<'labels' | 'objects', Artifact>>;
  summary: { type: string; classes: string[]; width: number; height: number; objectCount: number | null; labelCounts: Record<string, number>; ms: number } | null;
  createdAt: string; finishedAt: string | null; downloads?: Partial<Record<'labels' | 'objects', string>>;
}
export interface Download { url: string; fileName: string; sha256: string; bytes: number; expiresInSeconds: number }
export interface ImportResult { model: Omit<Model, 'versions'>; version: ModelVersion }

const org = (orgId: string) => `/api/v1/orgs/${enc(orgId)}`;
const model = (orgId: string, modelId: string) => `${org(orgId)}/models/${enc(modelId)}`;
const version = (orgId: string, modelId: string, versionId: string) => `${model(orgId, modelId)}/versions/${enc(versionId)}`;

export const modelPaths = {
  projectModels: (orgId: string, projectId: string) => `${org(orgId)}/projects/${enc(projectId)}/models`,
  imports: (orgId: string, projectId: string, fileName: string, modelName?: string) =>
    `${org(orgId)}/projects/${enc(projectId)}/model-imports?${new URLSearchParams({ fileName, ...(modelName ? { modelName } : {}) })}`,
  projectImages: (orgId: string, projectId: string) => `${org(orgId)}/projects/${enc(projectId)}/images`,
  projectRuns: (orgId: string, projectId: string) => `${org(orgId)}/projects/${enc(projectId)}/inference-runs`,
  model,
  comparison: (orgId: string, modelId: string) => `${model(orgId, modelId)}/comparison`,
  version,
  sourceDownload: (orgId: string, modelId: string, versionId: string) => `${version(orgId, modelId, versionId)}/download`,
  packages: (orgId: string, modelId: string, versionId: string) => `${version(orgId, modelId, versionId)}/packages`,
  package: (orgId: string, modelId: string, versionId: string, packageId: string) => `${version(orgId, modelId, versionId)}/packages/${enc(packageId)}`,
  packageDownload: (orgId: string, modelId: string, versionId: string, packageId: string) => `${version(orgId, modelId, versionId)}/packages/${enc(packageId)}/downloads`,
  runs: (orgId: string, modelId: string, versionId: string, imageId: string) => `${version(orgId, modelId, versionId)}/runs?imageId=${enc(imageId)}`,
  datasetRuns: (orgId: string, modelId: string, versionId: string) => `${version(orgId, modelId, versionId)}/dataset-runs`,
  run: (orgId: string, runId: string) => `${org(orgId)}/inference-runs/${enc(runId)}`,
};

export const modelPages = {
  all: (orgId: string) => `/o/${enc(orgId)}/models`,
  project: (orgId: string, projectId: string) => `/o/${enc(orgId)}/projects/${enc(projectId)}/models`,
  model: (orgId: string, modelId: string) => `/o/${enc(orgId)}/models/${enc(modelId)}`,
};

export const JOB_TONE: Record<JobStatus, 'slate' | 'indigo' | 'amber' | 'red' | 'emerald'> = {
  QUEUED: 'slate', RUNNING: 'indigo', SUCCEEDED: 'emerald', FAILED: 'red', CANCELLED: 'amber',
};

export const SOURCE_LABEL: Record<ModelSource, string> = { TRAINED: 'Trained here', IMPORTED: 'Imported', SERVICE: 'Model service' };

/** POSTs a file as the raw request body (the upload endpoints read `application/octet-stream`). */
export async function uploadFile<T>(path: string, file: Blob): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', body: file, headers: { accept: 'application/json', 'content-type': 'application/octet-stream' }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Could not reach the server. Check your connection and try again.');
  }
  const text = await res.text();
  let body: unknown = null;
  try { body = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? `Upload failed (HTTP ${res.status}).`, err?.details);
  }
  return body as T;
}

/** Asks for a short-lived presigned URL (audited on the server) and lets the browser download it. */
export async function startDownload(path: string, body?: unknown): Promise<Download> {
  const d = await api.post<Download>(path, body);
  const a = document.createElement('a');
  a.href = d.url;
  a.download = d.fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  return d;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

/** Numbers as people read them: small differences in scientific notation, fractions with 4 decimals. */
export function formatNumber(x: unknown): string {
  if (typeof x !== 'number') return x === null || x === undefined ? '—' : String(x);
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return String(x);
  if (x !== 0 && Math.abs(x) < 1e-3) return x.toExponential(2);
  return x.toFixed(4);
}
