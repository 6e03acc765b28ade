import * as ort from 'onnxruntime-node';
import { calculateTiles3D, extractTile, mapIndex, type Padding, type Tile3D } from '@tessera/tiling';
import { InferenceError } from './errors';
import type { LoadedModel } from './load-model';
import { mapChannels, type RunStats } from './predict-plane';
import { allocateOutputs, writeTileOutputs, type OutputSpec, type PlaneOutputs } from './tile-output';
import type { Raster } from './types';

export interface VolumeRunOptions {
  tile: { d: number; h: number; w: number };
  border: { z: number; y: number; x: number };
  batchSize: number;
  padding: Padding;
  spec: OutputSpec;
  scale: number;
  channelMap: Int32Array;
  signal?: AbortSignal;
  onTiles?: (done: number, total: number) => void;
  stats: RunStats;
}

/** Number of 3D tiles predictVolume will run for a stack of `depth` planes. */
export function countVolumeTiles(width: number, height: number, depth: number, o: Pick<VolumeRunOptions, 'tile' | 'border'>): number {
  return calculateTiles3D({ x: 0, y: 0, z: 0, w: width, h: height, d: depth },
    { tileWidth: o.tile.w, tileHeight: o.tile.h, tileDepth: o.tile.d, minBorder: o.border }).length;
}

/**
 * Runs a 3D model ([N,Z,H,W,C]) over one Z-stack (planes z = 0..depth-1) with cztile's 3D tiling; pixels outside
 * the stack are padded (also in z). Returns one PlaneOutputs per z.
 */
export async function predictVolume(model: LoadedModel, planes: Raster[], o: VolumeRunOptions): Promise<PlaneOutputs[]> {
  const first = planes[0];
  if (!first) throw new InferenceError('INPUT_INVALID', 'The stack has no planes.');
  const { width, height } = first;
  const { d: td, h: th, w: tw } = o.tile;
  const tiles = calculateTiles3D({ x: 0, y: 0, z: 0, w: width, h: height, d: planes.length },
    { tileWidth: tw, tileHeight: th, tileDepth: td, minBorder: o.border });
  const outputs = planes.map(() => allocateOutputs(o.spec, width, height));
  const whole = { x: 0, y: 0, w: width, h: height };
  const mc = model.inChannels;
  const C = o.spec.classes;
  const planeLen = th * tw * mc;
  const tileLen = td * planeLen;
  const B = Math.max(1, o.batchSize);
  const buf = new Float32Array(B * tileLen);
  const scratch = new Float32Array(th * tw * first.channels);
  const zero = new Float32Array(planeLen);
  for (let i = 0; i < tiles.length; i += B) {
    if (o.signal?.aborted) throw new InferenceError('CANCELLED', 'Prediction was cancelled.');
    const batch = tiles.slice(i, i + B);
    batch.forEach((t, k) => fillTile(t, k * tileLen));
    const n = batch.length * tileLen;
    const t0 = performance.now();
    const res = await model.session.run({ [model.inputName]: new ort.Tensor('float32', buf.subarray(0, n), [batch.length, td, th, tw, mc]) });
    o.stats.runMs += performance.now() - t0;
    o.stats.batches++;
    const out = res[model.outputName] as ort.Tensor;
    if (out.dims.length !== 5 || out.dims[1] !== td || out.dims[2] !== th || out.dims[3] !== tw || out.dims[4] !== C) {
      throw new InferenceError('MODEL_INVALID', `Model output is [${out.dims.join(',')}], expected [${batch.length},${td},${th},${tw},${C}].`);
    }
    const data = out.data as Float32Array;
    batch.forEach((t, k) => {
      const t2 = { center: { x: t.center.x, y: t.center.y, w: t.center.w, h: t.center.h },
        border: { left: t.border.left, top: t.border.top, right: t.border.right, bottom: t.border.bottom },
        roi: { x: t.roi.x, y: t.roi.y, w: t.roi.w, h: t.roi.h } };
      for (let z = 0; z < t.center.d; z++) {
        const pz = t.border.front + z;
        writeTileOutputs(o.spec, data, k * td * th * tw * C + pz * th * tw * C, t2, outputs[t.center.z + z] as PlaneOutputs, 0, whole);
      }
    });
    o.stats.tiles += batch.length;
    o.onTiles?.(Math.min(tiles.length, i + B), tiles.length);
  }
  return outputs;

  function fillTile(t: Tile3D, off: number): void {
    for (let zi = 0; zi < td; zi++) {
      const sz = mapIndex(t.roi.z + zi, planes.length, o.padding);
      const at = off + zi * planeLen;
      if (sz < 0) { buf.set(zero, at); continue; }
      const roi = { x: t.roi.x, y: t.roi.y, w: tw, h: th };
      const s = extractTile(planes[sz] as Raster, roi, { padding: o.padding, out: scratch });
      mapChannels(s, first!.channels, buf, at, o.channelMap);
      if (o.scale !== 1) for (let k = at; k < at + planeLen; k++) buf[k] = (buf[k] as number) * o.scale;
    }
  }
}
