import { readImage, writeTiff } from '@tessera/imaging';
import { objectsToCsv, predict, type LoadedModel, type Prediction, type Raster } from '@tessera/inference';

export interface ModelRunOutput {
  prediction: Prediction;
  /** Class labels, regression values, or instance labels for instance models (first plane). */
  labels: Raster;
  probabilities?: Raster;
  objectsCsv?: string;
  objectCount?: number;
}

/**
 * The one way the platform, the parity check and the bundle runtime run a model on an image: same options, so the
 * same image gives the same labels everywhere. Instance models (and semantic ones with `instances`) add objects.
 */
export async function runModelOnImage(
  model: LoadedModel,
  image: Uint8Array | Raster,
  opts: { probabilities?: boolean; instances?: boolean } = {},
): Promise<ModelRunOutput> {
  const raster: Raster = image instanceof Uint8Array ? firstPlane(image) : image;
  const instance = model.type.endsWith('InstanceSegmentation') || opts.instances === true;
  const prediction = await predict(model, raster, {
    probabilities: opts.probabilities ?? false,
    instances: instance ? true : undefined,
  });
  const p = prediction.planes[0];
  if (!p) throw new Error('The model gave no output.');
  const labels = p.instances?.labelImage ?? p.labels ?? p.values;
  if (!labels) throw new Error('The model gave neither labels nor values.');
  return {
    prediction,
    labels,
    probabilities: p.probabilities,
    objectsCsv: p.instances ? objectsToCsv(p.instances.objects) : undefined,
    objectCount: p.instances?.count,
  };
}

function firstPlane(bytes: Uint8Array): Raster {
  const stack = readImage(bytes);
  const plane = stack.planes[0];
  if (!plane) throw new Error('The image has no planes.');
  return plane as Raster;
}

export function encodeTiff(r: Raster): Uint8Array {
  return writeTiff(r as Parameters<typeof writeTiff>[0]);
}
