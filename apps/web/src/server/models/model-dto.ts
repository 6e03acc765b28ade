import type { InferenceRun, Model, ModelPackage, ModelVersion } from '@tessera/db';

export const toModelDto = (m: Model) => ({
  id: m.id, projectId: m.projectId, name: m.name, description: m.description,
  createdAt: m.createdAt.toISOString(), updatedAt: m.updatedAt.toISOString(),
});

/** Artefact metadata without storage keys (downloads go through presigned URLs). */
function artefacts(a: unknown) {
  const out: Record<string, { fileName: string; sha256: string; bytes: number }> = {};
  for (const [k, v] of Object.entries((a ?? {}) as Record<string, { fileName: string; sha256: string; bytes: number }>)) {
    out[k] = { fileName: v.fileName, sha256: v.sha256, bytes: v.bytes };
  }
  return out;
}

export const toPackageDto = (p: ModelPackage) => ({
  id: p.id, versionId: p.versionId, kind: p.kind, status: p.status, error: p.error, artifacts: artefacts(p.artifacts),
  parity: p.parity, parityPassed: p.parityPassed, docker: p.docker, timings: p.timings,
  createdAt: p.createdAt.toISOString(), finishedAt: p.finishedAt?.toISOString() ?? null,
});

export const toVersionDto = (v: ModelVersion & { packages?: ModelPackage[] }) => ({
  id: v.id, modelId: v.modelId, number: v.number, source: v.source, format: v.format, modelType: v.modelType,
  classes: v.classes, fileName: v.fileName, fileSha256: v.fileSha256, fileBytes: v.fileBytes, metadata: v.metadata,
  findings: v.findings, valid: v.valid, lineage: v.lineage, metrics: v.metrics, notes: v.notes,
  createdAt: v.createdAt.toISOString(), packages: (v.packages ?? []).map(toPackageDto),
});

export const toRunDto = (r: InferenceRun) => ({
  id: r.id, projectId: r.projectId, versionId: r.versionId, imageId: r.imageId, inputName: r.inputName, status: r.status,
  error: r.error, outputs: artefacts(r.outputs), summary: r.summary,
  createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
});
