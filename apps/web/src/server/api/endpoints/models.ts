import { z } from 'zod';
import { redis, storage } from '../../context';
import { downloadArtifact } from '../../models/download-artifact';
import { importModel } from '../../models/import-model';
import { compareVersions, createModel, getModel, listModels, updateVersionNotes } from '../../models/manage-models';
import { MAX_IMAGE_UPLOAD_BYTES, MAX_MODEL_BYTES, readUpload } from '../../models/read-upload';
import { getPackage, requestPackage } from '../../models/request-package';
import { getRun, listRuns, startDatasetRun, startRun } from '../../models/run-model';
import { withOrg } from '../endpoint';
import { NameSchema } from '../schemas';

const p = (params: Record<string, string>, k: string) => params[k] ?? '';
const MODELS = '/api/v1/orgs/{orgId}/models/{modelId}';
const VERSION = `${MODELS}/versions/{versionId}`;

export const getProjectModels = withOrg(
  { method: 'GET', path: '/api/v1/orgs/{orgId}/projects/{projectId}/models', summary: "A project's models with their versions and packages", permission: 'models:read' },
  async ({ db, actor, params }) => ({ models: await listModels(db, actor, p(params, 'projectId')) }),
);

export const postProjectModel = withOrg(
  {
    method: 'POST', path: '/api/v1/orgs/{orgId}/projects/{projectId}/models', summary: 'Create an (empty) model in a project', permission: 'models:manage',
    body: z.object({ name: NameSchema, description: z.string().max(2000).optional() }), successStatus: 201,
  },
  ({ db, actor, params, body }) => createModel(db, actor, p(params, 'projectId'), body),
);

export const postModelImport = withOrg(
  {
    method: 'POST', path: '/api/v1/orgs/{orgId}/projects/{projectId}/model-imports',
    summary: 'Import a .czann / .czmodel / .czseg (file as the request body; ?fileName=&modelName=): validated, registered as a version', permission: 'models:manage',
    query: z.object({ fileName: z.string().min(1).max(200), modelName: z.string().min(1).max(100).optional() }), successStatus: 201,
  },
  async ({ db, actor, params, query, req }) => importModel(db, storage(), actor, { projectId: p(params, 'projectId'), fileName: query.fileName, modelName: query.modelName, bytes: await readUpload(req, MAX_MODEL_BYTES) }),
);

export const getModelById = withOrg(
  { method: 'GET', path: MODELS, summary: 'A model with its versions (lineage, metrics, notes, findings) and packages', permission: 'models:read' },
  ({ db, actor, params }) => getModel(db, actor, p(params, 'modelId')),
);

export const getModelComparison = withOrg(
  { method: 'GET', path: `${MODELS}/comparison`, summary: "Versions' metrics side by side (?versions=id,id)", permission: 'models:read', query: z.object({ versions: z.string().max(2000).optional() }) },
  ({ db, actor, params, query }) => compareVersions(db, actor, p(params, 'modelId'), query.versions?.split(',').filter(Boolean)),
);

export const patchModelVersion = withOrg(
  { method: 'PATCH', path: VERSION, summary: "Edit a version's notes", permission: 'models:manage', body: z.object({ notes: z.string().max(10_000) }) },
  ({ db, actor, params, body }) => updateVersionNotes(db, actor, p(params, 'modelId'), p(params, 'versionId'), body.notes),
);

export const postVersionDownload = withOrg(
  { method: 'POST', path: `${VERSION}/download`, summary: "A short-lived presigned URL of the version's own model file (audited)", permission: 'models:read' },
  ({ db, actor, params }) => downloadArtifact(db, storage(), actor, { modelId: p(params, 'modelId'), versionId: p(params, 'versionId') }, 'source'),
);

export const postModelPackage = withOrg(
  {
    method: 'POST', path: `${VERSION}/packages`, summary: 'Package a version as .czann (+ ONNX) or container bundle; parity-checked', permission: 'models:manage',
    body: z.object({ kind: z.enum(['CZANN', 'BUNDLE']) }), successStatus: 202,
  },
  ({ db, actor, params, body }) => requestPackage(db, redis(), actor, p(params, 'modelId'), p(params, 'versionId'), body.kind),
);

export const getModelPackage = withOrg(
  { method: 'GET', path: `${VERSION}/packages/{packageId}`, summary: 'A package: status, artefacts with SHA-256, parity report, docker build note', permission: 'models:read' },
  ({ db, actor, params }) => getPackage(db, actor, p(params, 'modelId'), p(params, 'versionId'), p(params, 'packageId')),
);

export const postPackageDownload = withOrg(
  {
    method: 'POST', path: `${VERSION}/packages/{packageId}/downloads`, summary: 'A short-lived presigned URL for one artefact (czann, onnx, bundle, image, parity); audited', permission: 'models:read',
    body: z.object({ artifact: z.enum(['czann', 'onnx', 'bundle', 'image', 'parity']) }),
  },
  ({ db, actor, params, body }) => downloadArtifact(db, storage(), actor, { modelId: p(params, 'modelId'), versionId: p(params, 'versionId'), packageId: p(params, 'packageId') }, body.artifact),
);

export const postVersionRun = withOrg(
  {
    method: 'POST', path: `${VERSION}/runs`,
    summary: 'Run a version on a project image (?imageId=) or on an image file sent as the body (?fileName=): label image + object table', permission: 'models:run',
    query: z.object({ imageId: z.string().min(1).max(64).optional(), fileName: z.string().min(1).max(200).optional() }), successStatus: 202,
  },
  async ({ db, actor, params, query, req }) => {
    const ids = { modelId: p(params, 'modelId'), versionId: p(params, 'versionId') };
    if (query.imageId) return startRun(db, storage(), redis(), actor, ids, { imageId: query.imageId });
    return startRun(db, storage(), redis(), actor, ids, { fileName: query.fileName ?? 'image.tif', bytes: await readUpload(req, MAX_IMAGE_UPLOAD_BYTES) });
  },
);

export const postVersionDatasetRun = withOrg(
  {
    method: 'POST', path: `${VERSION}/dataset-runs`,
    summary: "Run a version on every uploaded image of its project (one run per image; failed or unfinished uploads are skipped)",
    permission: 'models:run', successStatus: 202,
  },
  ({ db, actor, params }) => startDatasetRun(db, redis(), actor, { modelId: p(params, 'modelId'), versionId: p(params, 'versionId') }),
);

export const getProjectRuns = withOrg(
  { method: 'GET', path: '/api/v1/orgs/{orgId}/projects/{projectId}/inference-runs', summary: "A project's model runs", permission: 'models:read' },
  async ({ db, actor, params }) => ({ runs: await listRuns(db, actor, p(params, 'projectId')) }),
);

export const getInferenceRun = withOrg(
  { method: 'GET', path: '/api/v1/orgs/{orgId}/inference-runs/{runId}', summary: 'A model run: status, summary, presigned URLs of the label image and object table', permission: 'models:read' },
  ({ db, actor, params }) => getRun(db, storage(), actor, p(params, 'runId')),
);
