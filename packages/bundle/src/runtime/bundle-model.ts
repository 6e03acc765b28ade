import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { CzModelLike } from '@tessera/inference';

/** File names inside a bundle (the build context); the runtime finds them next to itself. */
export const BUNDLE_FILES = {
  runtime: 'runtime.cjs',
  onnx: 'model.onnx',
  config: 'model-config.json',
  postprocessing: 'postprocessing.json',
  manifest: 'manifest.json',
  readme: 'README.md',
  dockerfile: 'Dockerfile',
  dockerfileCuda: 'Dockerfile.cuda',
  parity: 'parity-report.json',
} as const;

/** model-config.json: what the runtime needs besides the ONNX (the .czann metadata, with the legacy fields). */
export const BundleConfigSchema = z.object({
  format: z.enum(['czann', 'czmodel', 'czseg']),
  metadata: z.looseObject({
    type: z.string(),
    inputShape: z.array(z.number().int()),
    outputShape: z.array(z.number().int()),
    minOverlap: z.array(z.number().int()).optional(),
    classes: z.array(z.string()).optional(),
    modelName: z.string().optional(),
    pixelTypes: z.array(z.string()).optional(),
    colorHandling: z.enum(['ConvertToMonochrome', 'SplitRgb']).optional(),
    scaleInputsByBitdepth: z.boolean().optional(),
    extra: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type BundleConfig = z.infer<typeof BundleConfigSchema>;

/** Reads model.onnx + model-config.json (+ postprocessing.json, which wins over the config's own key) from a folder. */
export async function readBundleModel(dir: string): Promise<CzModelLike> {
  const config = BundleConfigSchema.parse(JSON.parse(await readFile(path.join(dir, BUNDLE_FILES.config), 'utf8')));
  const onnx = new Uint8Array(await readFile(path.join(dir, BUNDLE_FILES.onnx)));
  let post: unknown;
  try {
    post = JSON.parse(await readFile(path.join(dir, BUNDLE_FILES.postprocessing), 'utf8'));
  } catch {
    post = undefined;
  }
  const extra = { ...(config.metadata.extra ?? {}), ...(post ? { TesseraPostprocessing: post } : {}) };
  return { format: config.format, onnx, metadata: { ...config.metadata, extra } as CzModelLike['metadata'] };
}
