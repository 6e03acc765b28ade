import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CzModel } from '@tessera/czann';
import { parsePostprocessing, POSTPROCESSING_KEY } from '@tessera/inference';
import { buildRuntime } from './build-runtime';
import { sha256 } from './package-czann';
import type { ParityReport } from './parity';
import { BUNDLE_FILES, type BundleConfig } from './runtime/bundle-model';
import { writeTarGz, type TarEntry } from './tar';

const require = createRequire(import.meta.url);
const DOCKER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docker/bundle');

export interface BundleInput {
  model: CzModel;
  modelName: string;
  version: number;
  /** Instance post-processing (default: the model's own TesseraPostprocessing, else the defaults for instance models). */
  postprocessing?: unknown;
}

export interface BundleManifest {
  bundleFormat: 1;
  model: { name: string; version: number; type: string; classes: string[]; sourceFormat: string; onnxSha256: string };
  runtime: { node: string; onnxruntimeNode: string; inference: string; esbuild: string };
  files: { path: string; sha256: string; bytes: number }[];
}

function version(pkg: string): string {
  try {
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
}

/** A docker-safe image name from the model name. */
export function bundleTag(name: string, v: number): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'model';
  return `tessera-${base}:v${v}`;
}

/**
 * The files of a container build context (without the parity report): Dockerfile (CPU) and Dockerfile.cuda from
 * docker/bundle, the runtime built from packages/inference, model.onnx, model-config.json, postprocessing.json,
 * package.json (onnxruntime-node pinned), README.md and manifest.json with every file's SHA-256.
 */
export async function buildBundleFiles(input: BundleInput): Promise<{ entries: TarEntry[]; manifest: BundleManifest }> {
  const md = input.model.metadata;
  const instance = md.type.endsWith('InstanceSegmentation');
  const own = md.extra?.[POSTPROCESSING_KEY];
  const post = input.postprocessing ?? own;
  const postprocessing = instance || post !== undefined ? parsePostprocessing(post) : null;
  const { [POSTPROCESSING_KEY]: _dropped, ...extra } = md.extra ?? {};
  const config: BundleConfig = { format: input.model.format, metadata: { ...md, extra } as BundleConfig['metadata'] };
  const ortVersion = version('onnxruntime-node');
  const tile = md.inputShape.slice(0, -1).join(' x ');
  const border = md.minOverlap?.[0] !== undefined ? String(md.minOverlap[0] / 2) : '0';
  const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
  const files: TarEntry[] = [
    { path: BUNDLE_FILES.dockerfile, data: readFileSync(path.join(DOCKER_DIR, 'Dockerfile')) },
    { path: BUNDLE_FILES.dockerfileCuda, data: readFileSync(path.join(DOCKER_DIR, 'Dockerfile.cuda')) },
    { path: BUNDLE_FILES.runtime, data: await buildRuntime() },
    { path: BUNDLE_FILES.onnx, data: input.model.onnx },
    { path: BUNDLE_FILES.config, data: enc(`${JSON.stringify(config, null, 2)}\n`) },
    { path: BUNDLE_FILES.postprocessing, data: enc(`${JSON.stringify(postprocessing, null, 2)}\n`) },
    { path: 'package.json', data: enc(`${JSON.stringify({ name: 'tessera-model-bundle', private: true, dependencies: { 'onnxruntime-node': ortVersion } }, null, 2)}\n`) },
    {
      path: BUNDLE_FILES.readme,
      data: enc(fill(readFileSync(path.join(DOCKER_DIR, 'README.template.md'), 'utf8'), {
        modelName: input.modelName, version: String(input.version), modelType: md.type, classes: (md.classes ?? []).join(', '),
        tile, border, tag: bundleTag(input.modelName, input.version),
        postprocessing: postprocessing ? `; instances by ${postprocessing.method} (postprocessing.json)` : '',
      })),
    },
  ];
  const manifest: BundleManifest = {
    bundleFormat: 1,
    model: { name: input.modelName, version: input.version, type: md.type, classes: md.classes ?? [], sourceFormat: input.model.format, onnxSha256: sha256(input.model.onnx) },
    runtime: { node: '20', onnxruntimeNode: ortVersion, inference: `@tessera/inference ${version('@tessera/inference')}`, esbuild: version('esbuild') },
    files: files.map((f) => ({ path: f.path, sha256: sha256(f.data), bytes: f.data.length })),
  };
  files.push({ path: BUNDLE_FILES.manifest, data: enc(`${JSON.stringify(manifest, null, 2)}\n`) });
  return { entries: files, manifest };
}

/** The final .tar.gz: the build context plus the parity report (which ships inside the download). */
export function writeBundle(entries: TarEntry[], report: ParityReport | null): Uint8Array {
  const all = entries.filter((e) => e.path !== BUNDLE_FILES.parity);
  all.push({ path: BUNDLE_FILES.parity, data: new Uint8Array(Buffer.from(`${JSON.stringify(report, null, 2)}\n`)) });
  return writeTarGz(all);
}
