import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { writePng, writeTiff, type ImageStack } from '@tessera/imaging';
import { openCliInput } from './cli-input';
import { InferenceError } from './errors';
import { objectsToCsv, type ObjectRow } from './instances/object-table';
import { loadModel } from './load-model';
import { predict, type PlanePrediction } from './predict';
import type { Raster } from './types';

const USAGE = `Usage: tessera-predict --model M --input IMG --output OUT.tif [--probabilities P.tif] [--min-confidence X]
  [--instances --objects OBJ.csv] [--tile H,W] [--border N] [--threads N] [--batch N] [--stream] [--quiet]
Runs a .czann / .czmodel / .czseg / .onnx model on a TIFF or PNG image, tiled exactly like ZEN.
OUT holds the class labels (argmax + 1), the regression output, or with --instances the instance labels.
Single-plane TIFFs over 256 MiB (or with --stream) are read region by region instead of whole.`;

export interface CliIo { stdout: (s: string) => void; stderr: (s: string) => void; isTTY: boolean }

const defaultIo: CliIo = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), isTTY: Boolean(process.stderr.isTTY) };

/** Joins per-channel results of one plane into one multi-channel raster. */
function interleave(rasters: Raster[]): Raster {
  const first = rasters[0]!;
  if (rasters.length === 1) return first;
  const C = rasters.length * first.channels;
  const data = new (first.data.constructor as new (n: number) => Raster['data'])(first.width * first.height * C);
  rasters.forEach((r, k) => { for (let p = 0; p < first.width * first.height; p++) data[p * C + k] = r.data[p]!; });
  return { ...first, channels: C, data };
}

function toStack(input: ImageStack, perPlane: Raster[][]): ImageStack {
  const planes = perPlane.map(interleave);
  const p0 = planes[0]!;
  return { width: p0.width, height: p0.height, sizeC: p0.channels, sizeZ: input.sizeZ, sizeT: input.sizeT, dtype: p0.dtype, planes };
}

function encode(path: string, stack: ImageStack): Uint8Array {
  if (path.toLowerCase().endsWith('.png')) {
    if (stack.planes.length !== 1) throw new InferenceError('OPTIONS_INVALID', 'PNG holds one plane; write a .tif for stacks.');
    return writePng(stack.planes[0]!);
  }
  return writeTiff(stack.planes.length === 1 && stack.sizeC <= 4 ? stack.planes[0]! : stack);
}

function pair(s: string | undefined, name: string): { h: number; w: number } | undefined {
  if (s === undefined) return undefined;
  const m = /^(\d+),(\d+)$/.exec(s);
  if (!m) throw new InferenceError('OPTIONS_INVALID', `--${name} must be H,W (e.g. 512,512).`);
  return { h: Number(m[1]), w: Number(m[2]) };
}

function num(s: string | undefined, name: string): number | undefined {
  if (s === undefined) return undefined;
  const v = Number(s);
  if (!Number.isFinite(v)) throw new InferenceError('OPTIONS_INVALID', `--${name} must be a number.`);
  return v;
}

export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: {
      model: { type: 'string' }, input: { type: 'string' }, output: { type: 'string' }, probabilities: { type: 'string' },
      'min-confidence': { type: 'string' }, instances: { type: 'boolean' }, objects: { type: 'string' }, tile: { type: 'string' },
      border: { type: 'string' }, threads: { type: 'string' }, batch: { type: 'string' }, quiet: { type: 'boolean' }, stream: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    } }).values;
  } catch (e) {
    io.stderr(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) { io.stdout(`${USAGE}\n`); return 0; }
  if (!args.model || !args.input || !args.output) { io.stderr(`--model, --input and --output are required.\n${USAGE}\n`); return 2; }
  try {
    const model = await loadModel(args.model, { threads: num(args.threads, 'threads') });
    const input = await openCliInput(args.input, { stream: args.stream, needPixels: args.instances });
    const image = input.stack;
    const toPng = args.output.toLowerCase().endsWith('.png');
    const t0 = performance.now();
    const result = await predict(model, input.source, {
      tile: pair(args.tile, 'tile'), border: num(args.border, 'border'), batchSize: num(args.batch, 'batch'),
      minConfidence: num(args['min-confidence'], 'min-confidence'), probabilities: args.probabilities !== undefined,
      instances: args.instances ? true : undefined, regressionOutput: toPng ? 'input' : 'float32',
      onProgress: args.quiet || !io.isTTY ? undefined : ({ tilesDone, tilesTotal }) => {
        const f = tilesDone / tilesTotal;
        io.stderr(`\r[${'#'.repeat(Math.round(f * 30)).padEnd(30, '.')}] ${(f * 100).toFixed(0).padStart(3)}% ${tilesDone}/${tilesTotal} tiles`);
      },
    });
    if (!args.quiet && io.isTTY) io.stderr('\n');
    const byPlane = new Map<number, PlanePrediction[]>();
    for (const p of result.planes) byPlane.set(p.plane, [...(byPlane.get(p.plane) ?? []), p]);
    const groups = [...byPlane.values()];
    const pick = (f: (p: PlanePrediction) => Raster | undefined) => groups.map((g) => g.map((p) => {
      const r = f(p);
      if (!r) throw new InferenceError('OPTIONS_INVALID', 'The model gives no such output.');
      return r;
    }));
    const main = args.instances ? pick((p) => p.instances?.labelImage) : pick((p) => p.labels ?? p.values);
    await writeFile(args.output, encode(args.output, toStack(image, main)));
    if (args.probabilities) await writeFile(args.probabilities, encode(args.probabilities, toStack(image, pick((p) => p.probabilities))));
    if (args.objects) {
      const rows: (ObjectRow & { plane?: number })[] = result.planes.flatMap((p) => p.instances?.objects ?? []);
      await writeFile(args.objects, objectsToCsv(rows));
    }
    const n = result.planes.reduce((a, p) => a + (p.instances?.count ?? 0), 0);
    io.stdout(`${result.type}: ${image.width}x${image.height}x${image.sizeZ * image.sizeT} planes${input.source === image ? '' : ' (streamed)'}, ${result.stats.tiles} tiles in ` +
      `${((performance.now() - t0) / 1000).toFixed(2)} s${args.instances ? `, ${n} objects` : ''} -> ${args.output}\n`);
    await input.close();
    await model.dispose();
    return 0;
  } catch (e) {
    const code = (e as { code?: string }).code;
    io.stderr(`tessera-predict: ${code ? `[${code}] ` : ''}${(e as Error).message}\n`);
    return 1;
  }
}
