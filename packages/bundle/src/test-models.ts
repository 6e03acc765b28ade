import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readModel, writeCzann, type CzModel } from '@tessera/czann';

/** Real data (never copied into the repo): ../shared/data relative to the repository root. */
export const DATA = path.resolve(import.meta.dirname, '../../../../shared/data');
export const CZANN_DIR = path.join(DATA, 'czann');
export const BBBC039 = path.join(DATA, 'nuclei-bbbc039/images/IXMtest_A02_s1_w1051DAA7C-7042-435F-99F0-1E847D9B42CB.tif');

/**
 * An instance model made from a real nuclei model: napari_simple_nuclei_segmodel (background/nucleus) typed as
 * SingleClassInstanceSegmentation with distance-watershed post-processing stored in the .czann.
 */
export async function nucleiInstanceModel(): Promise<{ bytes: Uint8Array; model: CzModel }> {
  const src = await readModel(path.join(CZANN_DIR, 'napari_simple_nuclei_segmodel.czann'));
  const bytes = writeCzann({
    metadata: {
      ...src.metadata, type: 'SingleClassInstanceSegmentation', modelName: 'nuclei-instances',
      extra: { ...src.metadata.extra, TesseraPostprocessing: { method: 'watershedDistance', minSize: 20, seedDynamic: 1, fillHoles: true } },
    },
    onnx: src.onnx,
  });
  return { bytes, model: await readModel(bytes) };
}

export const readBytes = async (p: string) => new Uint8Array(await readFile(p));
