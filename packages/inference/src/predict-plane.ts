import * as ort from 'onnxruntime-node';
import { extractTile, type Padding, type Tile2D } from '@tessera/tiling';
import { InferenceError } from './errors';
import type { LoadedModel } from './load-model';
import { planTiles, type TileRow } from './plan-tiles';
import type { PlaneSource } from './plane-source';
import { allocateOutputs, bandView, writeTileOutputs, type OutputSpec, type PlaneOutputs } from './tile-output';
import type { Raster } from './types';

export interface RunStats {
  tiles: number;
  batches: number;
  /** Sum over batches of the time from session.run() to its result (ms). */
  runMs: number;
}

export interface PlaneRunOptions {
  /** Part of the plane to predict (default: all of it); tiles read real pixels beyond it where the image has them. */
  region?: { x: number; y: number; w: number; h: number };
  tile: { h: number; w: number };
  border: { y: number; x: number };
  batchSize: number;
  padding: Padding;
  spec: OutputSpec;
  /** Input multiplier (1/dtype max, or 1). */
  scale: number;
  channelMap: Int32Array;
  identity: boolean;
  /** Keep whole-plane outputs in memory (default); with false only onBand sees the results. */
  keep: boolean;
  signal?: AbortSignal;
  onTiles?: (done: number, total: number) => void;
  onBand?: (y: number, outputs: PlaneOutputs) => void | Promise<void>;
  stats: RunStats;
}

interface Job { tile: Tile2D; row: number; band: Raster; bandY: number }

function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted) throw new InferenceError('CANCELLED', 'Prediction was cancelled.');
}

/** Runs a 2D model over one plane with cztile tiling, batching and a one-batch-ahead pipeline. */
export async function predictPlane(model: LoadedModel, src: PlaneSource, o: PlaneRunOptions): Promise<PlaneOutputs | undefined> {
  const { w: tw, h: th } = o.tile;
  const { region, rows, total } = planTiles(src.width, src.height, o.region, o.tile, o.border);
  const full = o.keep ? allocateOutputs(o.spec, region.w, region.h) : undefined;
  const rowOut = new Map<number, { out: PlaneOutputs; left: number }>();
  const mc = model.inChannels;
  const tileLen = th * tw * mc;
  const B = Math.max(1, o.batchSize);
  const buffers = [new Float32Array(B * tileLen), new Float32Array(B * tileLen)];
  const scratch = o.identity ? undefined : new Float32Array(th * tw * src.channels);

  const jobs: Job[] = [];
  let nextRow = 0;
  async function fillJobs(): Promise<void> {
    while (jobs.length < B && nextRow < rows.length) {
      const row = (rows[nextRow] as TileRow).tiles;
      const roi = (row[0] as Tile2D).roi;
      const y0 = Math.max(0, roi.y);
      const band = await src.readBand(y0, Math.min(src.height, roi.y + roi.h));
      for (const tile of row) jobs.push({ tile, row: nextRow, band, bandY: y0 });
      nextRow++;
    }
  }

  async function prepare(buf: Float32Array): Promise<{ batch: Job[]; tensor: ort.Tensor } | undefined> {
    await fillJobs();
    const batch = jobs.splice(0, B);
    if (batch.length === 0) return undefined;
    batch.forEach((job, i) => {
      const roi = { x: job.tile.roi.x, y: job.tile.roi.y - job.bandY, w: tw, h: th };
      if (o.identity) {
        extractTile(job.band, roi, { padding: o.padding, out: buf, outOffset: i * tileLen });
      } else {
        const s = extractTile(job.band, roi, { padding: o.padding, out: scratch as Float32Array });
        mapChannels(s, src.channels, buf, i * tileLen, o.channelMap);
      }
    });
    const n = batch.length * tileLen;
    if (o.scale !== 1) for (let k = 0; k < n; k++) buf[k] = (buf[k] as number) * o.scale;
    const dims = [batch.length, th, tw, mc];
    return { batch, tensor: new ort.Tensor('float32', n === buf.length ? buf : buf.subarray(0, n), dims) };
  }

  function run(t: ort.Tensor): Promise<{ out: ort.Tensor; ms: number }> {
    const t0 = performance.now();
    return model.session.run({ [model.inputName]: t }).then((r) => ({ out: r[model.outputName] as ort.Tensor, ms: performance.now() - t0 }));
  }

  async function consume(batch: Job[], out: ort.Tensor): Promise<void> {
    const C = o.spec.classes;
    const dims = out.dims;
    if (dims[1] !== th || dims[2] !== tw || dims[3] !== C) {
      throw new InferenceError('MODEL_INVALID', `Model output is [${dims.join(',')}], expected [${batch.length},${th},${tw},${C}].`);
    }
    const data = out.data as Float32Array;
    for (let i = 0; i < batch.length; i++) {
      const job = batch[i] as Job;
      const row = rows[job.row] as TileRow;
      let entry = rowOut.get(job.row);
      if (!entry) {
        const y = row.outY - region.y;
        entry = { out: full ? bandView(full, y, row.outH) : allocateOutputs(o.spec, region.w, row.outH), left: row.tiles.length };
        rowOut.set(job.row, entry);
      }
      writeTileOutputs(o.spec, data, i * th * tw * C, job.tile, entry.out, row.outY, region);
      if (--entry.left === 0) {
        rowOut.delete(job.row);
        if (o.onBand) await o.onBand(row.outY - region.y, entry.out);
      }
    }
    out.dispose();
  }

  let done = 0;
  let which = 0;
  checkAbort(o.signal);
  let cur = await prepare(buffers[which] as Float32Array);
  let running = cur ? run(cur.tensor) : undefined;
  while (cur && running) {
    which ^= 1;
    let next: Awaited<ReturnType<typeof prepare>>;
    try {
      checkAbort(o.signal);
      next = await prepare(buffers[which] as Float32Array);
    } catch (e) {
      await running.catch(() => undefined);
      throw e;
    }
    const { out, ms } = await running;
    o.stats.runMs += ms;
    o.stats.batches++;
    running = next ? run(next.tensor) : undefined;
    try {
      await consume(cur.batch, out);
    } catch (e) {
      await running?.catch(() => undefined);
      throw e;
    }
    done += cur.batch.length;
    o.stats.tiles += cur.batch.length;
    o.onTiles?.(done, total);
    cur = next;
  }
  return full;
}

/** Copies a [px, sc] tile into [px, mc] at `off`, model channel k from image channel map[k] (-1: the mean). */
export function mapChannels(src: Float32Array, sc: number, dst: Float32Array, off: number, map: Int32Array): void {
  const mc = map.length;
  const px = src.length / sc;
  for (let p = 0; p < px; p++) {
    for (let k = 0; k < mc; k++) {
      const m = map[k] as number;
      let v: number;
      if (m >= 0) v = src[p * sc + m] as number;
      else { v = 0; for (let c = 0; c < sc; c++) v += src[p * sc + c] as number; v /= sc; }
      dst[off + p * mc + k] = v;
    }
  }
}
