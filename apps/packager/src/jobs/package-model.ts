import type { Db, Prisma } from '@tessera/db';
import {
  buildBundleFiles, buildDockerImage, bundleTag, checkBundleParity, checkCzannParity, goldenTiles, packageCzann,
  platformOutputs, writeBundle, type ParityReport,
} from '@tessera/bundle';
import { loadModel } from '@tessera/inference';
import type { JobPayload, PACKAGE_CZANN } from '@tessera/jobs';
import { orgKey, type Storage } from '@tessera/storage';
import { loadVersionModel, projectRasters, storeFile, type StoredFile } from '../models/model-files';

export interface PackageDeps {
  db: Db;
  storage: Storage;
  dockerHost?: string;
  threads?: number;
  log?: (msg: string) => void;
}

type Payload = JobPayload<typeof PACKAGE_CZANN>;
const json = (v: unknown) => v as Prisma.InputJsonValue;

/**
 * model.package.czann / model.package.bundle: reloads the row (tenant-checked, idempotent), packages the version,
 * runs the parity check against the platform's inference on the golden tiles and stores artefacts + report.
 * A package whose parity fails ends FAILED with its report.
 */
export async function runPackage(deps: PackageDeps, { organizationId, packageId }: Payload) {
  const { db, storage } = deps;
  const row = await db.modelPackage.findFirst({ where: { id: packageId, organizationId } });
  if (!row || row.status === 'SUCCEEDED' || row.status === 'FAILED') return { skipped: row?.status ?? 'missing' };
  await db.modelPackage.update({ where: { id: row.id }, data: { status: 'RUNNING' } });
  try {
    const t0 = performance.now();
    const { version, model } = await loadVersionModel(db, storage, organizationId, row.versionId);
    const platform = await loadModel(model, { threads: deps.threads ?? 1 });
    const channels = model.metadata.inputShape[model.metadata.inputShape.length - 1] ?? 1;
    const golden = goldenTiles(await projectRasters(db, storage, organizationId, version.model.projectId), channels);
    const reference = await platformOutputs(platform, golden.tiles);
    await platform.dispose();
    const parityInput = { platform: reference, tiles: golden.tiles, modelType: model.metadata.type, goldenSet: golden.description };
    const key = (name: string) => orgKey(organizationId, 'models', version.modelId, 'versions', version.id, 'packages', row.id, name);
    const base = `${version.model.name.replace(/[^A-Za-z0-9._-]+/g, '_')}-v${version.number}`;
    const artifacts: Record<string, StoredFile> = {};
    const timings: Record<string, number> = {};
    let report: ParityReport;
    let docker: { built: boolean; note: string; tag?: string } | null = null;
    if (row.kind === 'CZANN') {
      const t = performance.now();
      const pkg = await packageCzann(model, { modelName: version.model.name });
      timings.packageMs = Math.round(performance.now() - t);
      report = await checkCzannParity(pkg.czann, parityInput, deps.threads ?? 1);
      artifacts.czann = await storeFile(storage, key(`${base}.czann`), pkg.czann, `${base}.czann`, 'application/zip');
      artifacts.onnx = await storeFile(storage, key(`${base}.onnx`), pkg.onnx, `${base}.onnx`, 'application/octet-stream');
      Object.assign(report, { repairs: pkg.repairs, findings: pkg.findings });
    } else {
      const t = performance.now();
      const { entries } = await buildBundleFiles({ model, modelName: version.model.name, version: version.number });
      timings.packageMs = Math.round(performance.now() - t);
      report = await checkBundleParity(writeBundle(entries, null), parityInput, { threads: deps.threads ?? 1 });
      const bundle = writeBundle(entries, report);
      artifacts.bundle = await storeFile(storage, key(`${base}-bundle.tar.gz`), bundle, `${base}-bundle.tar.gz`, 'application/gzip');
      if (report.passed) {
        const built = await buildDockerImage(bundle, bundleTag(version.model.name, version.number), deps.dockerHost);
        docker = { built: built.built, note: built.note, tag: built.tag };
        if (built.image) artifacts.image = await storeFile(storage, key(`${base}-image.tar`), built.image, `${base}-image.tar`, 'application/x-tar');
      }
    }
    timings.totalMs = Math.round(performance.now() - t0);
    const reportBytes = new Uint8Array(Buffer.from(`${JSON.stringify(report, null, 2)}\n`));
    artifacts.parity = await storeFile(storage, key(`${base}-parity-${row.kind.toLowerCase()}.json`), reportBytes, `${base}-parity-${row.kind.toLowerCase()}.json`, 'application/json');
    await db.modelPackage.update({
      where: { id: row.id },
      data: {
        status: report.passed ? 'SUCCEEDED' : 'FAILED',
        error: report.passed ? null : `Parity check failed: ${report.failures.join('; ')}`,
        artifacts: json(artifacts), parity: json(report), parityPassed: report.passed, docker: docker ? json(docker) : undefined,
        timings: json(timings), finishedAt: new Date(),
      },
    });
    deps.log?.(`package ${row.id} (${row.kind}) ${report.passed ? 'passed' : 'FAILED'} parity in ${timings.totalMs} ms`);
    return { passed: report.passed, timings };
  } catch (e) {
    const message = (e as Error).message || String(e);
    await db.modelPackage.update({ where: { id: row.id }, data: { status: 'FAILED', error: `Packaging failed: ${message}`, finishedAt: new Date() } });
    deps.log?.(`package ${row.id} failed: ${message}`);
    return { passed: false, error: message };
  }
}
