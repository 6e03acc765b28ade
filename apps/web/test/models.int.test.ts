import './setup-env';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImage } from '@tessera/imaging';
import { loadModel } from '@tessera/inference';
import { BUNDLE_FILES, checkBundleParity, defaultNodePath, platformOutputs, readTarGz, runModelOnImage, unpackBundle, writeTarGz } from '@tessera/bundle';
import { writeCzann, readModel } from '@tessera/czann';
import { closeQueues, type WorkerApp } from '@tessera/jobs';
import { postProject } from '@/server/api/endpoints/projects';
import { getInferenceRun, getModelById, getModelComparison, getModelPackage, postModelImport, postModelPackage, postPackageDownload, postVersionDatasetRun, postVersionRun } from '@/server/api/endpoints/models';
import { orgKey, putObject } from '@tessera/storage';
import { db, storage } from '@/server/context';
import { orgWithMembers } from './api-fixture';
import { callRoute, type Credentials } from './call-route';
import { bbbc039Crop, BBBC039_FILE, callBinary, fetchBytes, SHARED, startPackager, waitFor } from './model-helpers';

const run = promisify(execFile);
const CZANN_DIR = path.join(SHARED, 'czann');
const REPO = path.resolve(import.meta.dirname, '../../..');

/** A real nuclei model made an instance model (distance watershed stored in the .czann). */
async function nucleiInstanceCzann(): Promise<Uint8Array> {
  const src = await readModel(path.join(CZANN_DIR, 'napari_simple_nuclei_segmodel.czann'));
  return writeCzann({ metadata: { ...src.metadata, type: 'SingleClassInstanceSegmentation', extra: { TesseraPostprocessing: { method: 'watershedDistance', minSize: 20 } } }, onnx: src.onnx });
}

describe('model registry, packaging with parity, downloads, import and run (API + packager worker + Postgres + S3)', () => {
  let worker: WorkerApp;
  let orgId: string;
  let projectId: string;
  let owner: Credentials;
  const crop = bbbc039Crop();

  beforeAll(async () => {
    worker = await startPackager();
    const org = await orgWithMembers();
    orgId = org.orgId;
    owner = org.owner.auth;
    const p = await callRoute(postProject, { method: 'POST', params: { orgId }, auth: owner, body: { name: 'Nuclei', kind: 'INSTANCE' } });
    projectId = p.json.id;
  });
  afterAll(async () => {
    await worker?.stop();
    await closeQueues();
  });

  const importFile = (fileName: string, bytes: Uint8Array, modelName?: string) =>
    callBinary(postModelImport, { path: `/api/v1/orgs/${orgId}/projects/${projectId}/model-imports`, params: { orgId, projectId }, query: { fileName, ...(modelName ? { modelName } : {}) }, auth: owner, body: bytes });

  async function runOn(modelId: string, versionId: string) {
    const params = { orgId, modelId, versionId };
    const started = await callBinary(postVersionRun, { path: '/runs', params, query: { fileName: 'bbbc039-crop.tif' }, auth: owner, body: crop.tiff });
    expect(started.status).toBe(202);
    return waitFor(() => callRoute(getInferenceRun, { params: { orgId, runId: started.json.id }, auth: owner }), (r) => ['SUCCEEDED', 'FAILED'].includes(r.json.status));
  }

  it.each(readdirSync(CZANN_DIR).sort())('imports %s (findings shown) and runs it on a BBBC039 image through the API', async (name) => {
    const bytes = new Uint8Array(readFileSync(path.join(CZANN_DIR, name)));
    const imported = await importFile(name, bytes);
    expect(imported.status).toBe(201);
    const v = imported.json.version;
    expect(v.source).toBe('IMPORTED');
    expect(v.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Array.isArray(v.findings)).toBe(true);
    if (name.endsWith('_out5.czann')) expect(v.valid).toBe(false);
    const done = await runOn(imported.json.model.id, v.id);
    expect(done.json.error ?? null).toBeNull();
    expect(done.json.status).toBe('SUCCEEDED');
    const labels = readImage(await fetchBytes(done.json.downloads.labels)).planes[0]!;
    expect([labels.width, labels.height]).toEqual([256, 256]);
    // identical to the platform's inference on the same pixels
    const model = await loadModel(bytes, { threads: 1 });
    const mine = await runModelOnImage(model, crop.raster);
    await model.dispose();
    expect(Buffer.from(labels.data.buffer, labels.data.byteOffset, labels.data.byteLength).equals(
      Buffer.from(mine.labels.data.buffer, mine.labels.data.byteOffset, mine.labels.data.byteLength))).toBe(true);
  });

  it('runs a version on every uploaded image of the project, skipping failed uploads', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(CZANN_DIR, 'napari_simple_nuclei_segmodel.czann')));
    const imported = await importFile('dataset.czann', bytes, 'Dataset run');
    const images = [];
    for (const [i, status] of (['READY', 'READY', 'FAILED'] as const).entries()) {
      const sourceKey = orgKey(orgId, 'test-dataset', `crop-${i}.tif`);
      await putObject(storage(), sourceKey, crop.tiff);
      images.push(await db().image.create({ data: { organizationId: orgId, projectId, name: `crop-${i}.tif`, sizeBytes: crop.tiff.byteLength, sourceKey, partSize: 1, partCount: 1, status } }));
    }
    const params = { orgId, modelId: imported.json.model.id, versionId: imported.json.version.id };
    const started = await callRoute(postVersionDatasetRun, { method: 'POST', params, auth: owner });
    expect(started.status).toBe(202);
    expect(started.json.skipped).toBe(1);
    const runs = started.json.runs as { id: string; imageId: string }[];
    expect(runs.map((r) => r.imageId).sort()).toEqual([images[0]!.id, images[1]!.id].sort());
    for (const r of runs) {
      const done = await waitFor(() => callRoute(getInferenceRun, { params: { orgId, runId: r.id }, auth: owner }), (x) => ['SUCCEEDED', 'FAILED'].includes(x.json.status));
      expect(done.json.status).toBe('SUCCEEDED');
      expect(readImage(await fetchBytes(done.json.downloads.labels)).planes[0]!.width).toBe(256);
    }
    await db().image.deleteMany({ where: { id: { in: images.map((i) => i.id) } } });
  });

  it('refuses a file that is not a model, with the reason', async () => {
    const r = await importFile('broken.czann', new Uint8Array([1, 2, 3, 4]));
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/not a readable/);
  });

  describe('packages of an instance model', () => {
    let modelId: string;
    let versionId: string;
    beforeAll(async () => {
      const imported = await importFile('nuclei-instances.czann', await nucleiInstanceCzann(), 'Nuclei instances');
      modelId = imported.json.model.id;
      versionId = imported.json.version.id;
    });
    const pack = async (kind: 'CZANN' | 'BUNDLE') => {
      const params = { orgId, modelId, versionId };
      const r = await callRoute(postModelPackage, { method: 'POST', params, auth: owner, body: { kind } });
      expect(r.status).toBe(202);
      return waitFor(() => callRoute(getModelPackage, { params: { ...params, packageId: r.json.id }, auth: owner }), (x) => ['SUCCEEDED', 'FAILED'].includes(x.json.status));
    };
    const download = async (packageId: string, artifact: string) => {
      const r = await callRoute(postPackageDownload, { method: 'POST', params: { orgId, modelId, versionId, packageId }, auth: owner, body: { artifact } });
      expect(r.status).toBe(200);
      expect(r.json.expiresInSeconds).toBeLessThanOrEqual(300);
      const bytes = await fetchBytes(r.json.url);
      return { bytes, sha256: r.json.sha256 as string };
    };

    it('.czann: downloaded through a presigned URL, `czann validate` passes, parity report stored, download audited', async () => {
      const p = await pack('CZANN');
      expect(p.json.error).toBeNull();
      expect(p.json.status).toBe('SUCCEEDED');
      expect(p.json.parity).toMatchObject({ artefact: 'czann', passed: true, labelAgreement: 1, instanceCountDiff: 0 });
      const { bytes } = await download(p.json.id, 'czann');
      expect(p.json.artifacts.czann.sha256).toBe((await import('node:crypto')).createHash('sha256').update(bytes).digest('hex'));
      const dir = await mkdtemp(path.join(os.tmpdir(), 'czann-dl-'));
      const file = path.join(dir, 'model.czann');
      await writeFile(file, bytes);
      const v = await run(process.execPath, [path.join(REPO, 'packages/czann/bin/czann.mjs'), 'validate', file], { cwd: REPO });
      expect(v.stdout).not.toMatch(/^error/m);
      const md = (await readModel(bytes)).metadata;
      expect(md.minOverlap).toBeDefined();
      expect(md.classes).toEqual(['Background', 'Nucleus']);
      expect((await download(p.json.id, 'onnx')).bytes.length).toBeGreaterThan(1000);
      const audit = await db().auditEvent.findMany({ where: { organizationId: orgId, action: 'model.download' } });
      expect(audit.length).toBeGreaterThanOrEqual(2);
      await rm(dir, { recursive: true, force: true });
    });

    it('bundle: unpacked into a temp folder, its runtime run with Node on a BBBC039 image gives identical labels; tampering fails parity', async () => {
      const p = await pack('BUNDLE');
      expect(p.json.error).toBeNull();
      expect(p.json.status).toBe('SUCCEEDED');
      expect(p.json.docker).toMatchObject({ built: false });
      expect(p.json.docker.note).toMatch(/No Docker daemon/);
      const { bytes } = await download(p.json.id, 'bundle');
      const { dir, checksumsMatch } = await unpackBundle(bytes);
      expect(checksumsMatch).toBe(true);
      const shipped = JSON.parse(readFileSync(path.join(dir, BUNDLE_FILES.parity), 'utf8'));
      expect(shipped).toMatchObject({ artefact: 'bundle', passed: true, maxAbsProbDiff: 0 });
      const out = path.join(dir, 'out.tif');
      await run(process.execPath, [path.join(dir, BUNDLE_FILES.runtime), 'predict', '--input', BBBC039_FILE, '--output', out, '--threads', '1'], { env: { ...process.env, NODE_PATH: defaultNodePath() } });
      const theirs = readImage(new Uint8Array(readFileSync(out))).planes[0]!;
      const platform = await loadModel(await nucleiInstanceCzann(), { threads: 1 });
      const mine = await runModelOnImage(platform, readImage(new Uint8Array(readFileSync(BBBC039_FILE))).planes[0]!);
      expect(mine.objectCount).toBeGreaterThan(50);
      expect(Buffer.from(theirs.data.buffer, theirs.data.byteOffset, theirs.data.byteLength).equals(
        Buffer.from(mine.labels.data.buffer, mine.labels.data.byteOffset, mine.labels.data.byteLength))).toBe(true);

      const tiles = [{ name: 'crop', raster: crop.raster }];
      const input = { platform: await platformOutputs(platform, tiles), tiles, modelType: platform.type, goldenSet: 'test' };
      await platform.dispose();
      const onnx = readTarGz(bytes).find((e) => e.path === 'model.onnx')!;
      const other = (await readModel(path.join(CZANN_DIR, 'i2k_simple_nuclei_segmodel_from_json.czann'))).onnx;
      const tampered = writeTarGz(readTarGz(bytes).map((e) => (e === onnx || e.path === 'model.onnx' ? { ...e, data: other } : e)));
      const report = await checkBundleParity(tampered, input);
      expect(report.passed).toBe(false);
      expect(report.checksumsMatch).toBe(false);
      await rm(dir, { recursive: true, force: true });
    });

    it('lists versions with lineage and packages, and compares metrics', async () => {
      const m = await callRoute(getModelById, { params: { orgId, modelId }, auth: owner });
      expect(m.json.versions[0]).toMatchObject({ number: 1, source: 'IMPORTED', lineage: { importedFrom: 'nuclei-instances.czann' } });
      expect(m.json.versions[0].packages.map((p: { kind: string }) => p.kind).sort()).toEqual(['BUNDLE', 'CZANN']);
      await db().modelVersion.update({ where: { id: versionId }, data: { metrics: { ap50: 0.81, iou: 0.9 } } });
      const c = await callRoute(getModelComparison, { params: { orgId, modelId }, auth: owner });
      expect(c.json.metrics).toEqual([{ name: 'ap50', values: [0.81] }, { name: 'iou', values: [0.9] }]);
    });
  });
});
