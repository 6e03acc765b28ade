import { rm } from 'node:fs/promises';
import { loadModel, type LoadedModel } from '@tessera/inference';
import type { GoldenTile } from './golden-set';
import { sha256 } from './package-czann';
import { compareTile, summariseParity, type ParityReport, type TileOutput } from './parity';
import { runUnpackedBundle, unpackBundle } from './run-bundle';
import { runModelOnImage } from './runtime/run-model';

/** The platform's answer on each tile (probabilities kept for the comparison). */
export async function platformOutputs(model: LoadedModel, tiles: GoldenTile[]): Promise<TileOutput[]> {
  const out: TileOutput[] = [];
  for (const t of tiles) {
    const r = await runModelOnImage(model, t.raster, { probabilities: true });
    out.push({ labels: r.labels, scores: r.probabilities ?? (r.labels.dtype === 'float32' ? r.labels : undefined), instances: r.objectCount });
  }
  return out;
}

interface ParityInput {
  platform: TileOutput[];
  tiles: GoldenTile[];
  modelType: string;
  goldenSet: string;
}

/** Parity of a packaged .czann: the file is read back through packages/inference and run on the golden tiles. */
export async function checkCzannParity(czann: Uint8Array, p: ParityInput, threads = 1): Promise<ParityReport> {
  const model = await loadModel(czann, { threads });
  try {
    const artefact = await platformOutputs(model, p.tiles);
    return summariseParity({
      artefact: 'czann', artefactSha256: sha256(czann), modelType: p.modelType, checksumsMatch: null, goldenSet: p.goldenSet,
      tiles: p.tiles.map((t, i) => compareTile(t.name, p.platform[i]!, artefact[i]!)),
    });
  } finally {
    await model.dispose();
  }
}

/** Parity of a bundle: unpacked into a temporary folder, its own runtime run with Node on the golden tiles. */
export async function checkBundleParity(bundle: Uint8Array, p: ParityInput, opts: { nodePath?: string; threads?: number } = {}): Promise<ParityReport> {
  const { dir, checksumsMatch } = await unpackBundle(bundle);
  try {
    const artefact = await runUnpackedBundle(dir, p.tiles, opts);
    return summariseParity({
      artefact: 'bundle', artefactSha256: sha256(bundle), modelType: p.modelType, checksumsMatch, goldenSet: p.goldenSet,
      tiles: p.tiles.map((t, i) => compareTile(t.name, p.platform[i]!, artefact[i]!)),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
