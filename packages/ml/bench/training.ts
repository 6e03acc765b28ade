/**
 * bench:training — trains semantic and instance UNets on BBBC039 through the engine (full labels and partial
 * labels: 20% of the nuclei per image plus background strokes), writes `.bench/models/bbbc039-*.czann`,
 * evaluates them with @tessera/inference on the validation images, and ends with one line of JSON.
 * Fixed split: the 24 files sorted by name, the first 16 train, the last 8 validate.
 * Usage: tsx bench/training.ts [--minutes 15] [--only semantic-full,instance-partial] [--threads 2]
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { writeCzann } from '@tessera/czann';
import { foregroundIoU, matchInstances, predict } from '@tessera/inference';
import { unetFromPreset } from '../src/model/unet-config';
import { fitEngine } from '../src/train/fit';
import { instanceTargets, semanticTargets } from '../src/train/instance-targets';
import { TrainingEngine } from '../src/train/training-engine';
import type { TrainingImage } from '../src/train/training-data';
import { loadBbbc039, partialSelection, type Bbbc039Image } from './bbbc039';

const argv = process.argv;
const opt = (name: string): string | undefined => { const i = argv.indexOf(`--${name}`); return i > 0 ? argv[i + 1] : undefined; };
const minutes = Number(opt('minutes') ?? 15);
const threads = Number(opt('threads') ?? Math.min(2, cpus().length));
const RUNS = ['semantic-full', 'semantic-partial', 'instance-full', 'instance-partial'] as const;
const only = (opt('only')?.split(',') ?? [...RUNS]) as Array<(typeof RUNS)[number]>;
const perRunSeconds = (minutes * 60) / only.length;
const load = (): string => execSync('uptime').toString().trim().replace(/.*load average: /, '');
const TILE = 256, OVERLAP = 32;
const POST = { method: 'watershedBoundary', boundaryClass: 3, foregroundClasses: [2], minSize: 20, fillHoles: true } as const;

const all = loadBbbc039();
const train = all.slice(0, 16), val = all.slice(16);
console.log(`BBBC039: ${train.length} train / ${val.length} validate; ${minutes} min of training over ${only.length} runs (${perRunSeconds.toFixed(0)} s each), ${threads} threads; load ${load()}`);

function toTraining(img: Bbbc039Image, labels: Uint8Array): TrainingImage {
  return { width: img.width, height: img.height, channels: 1, data: img.data, labels };
}

const results: Record<string, unknown> = {};
mkdirSync('../../.bench/models', { recursive: true });
for (const run of only) {
  const [kind, labelMode] = run.split('-') as ['semantic' | 'instance', 'full' | 'partial'];
  const k = kind === 'semantic' ? 2 : 3;
  const images = train.map((img, i) => {
    const sel = labelMode === 'partial' ? partialSelection(img, 1000 + i) : {};
    return toTraining(img, kind === 'semantic' ? semanticTargets(img.instances, sel) : instanceTargets(img.instances, img.width, img.height, sel));
  });
  const labelled = images.reduce((a, im) => a + Array.from(im.labels).filter((v) => v > 0).length, 0) / images.reduce((a, im) => a + im.labels.length, 0);
  const engine = await TrainingEngine.create({
    model: unetFromPreset('small', 1, k), batch: 8, patch: 128, lr: 2e-3, seed: 7,
    classWeights: kind === 'instance' ? [1, 1, 3] : undefined, diceWeight: kind === 'instance' ? 0.5 : 0, execution: { threads },
  }, images);
  const losses: number[] = [];
  const fit = await fitEngine(engine, { steps: 1_000_000, maxSeconds: perRunSeconds }, { onProgress: (p) => {
    losses.push(p.loss);
    if (p.step % 50 === 0) console.log(`  ${run} step ${p.step} loss ${(losses.slice(-50).reduce((a, b) => a + b, 0) / Math.min(50, losses.length)).toFixed(4)} (${(p.elapsedMs / 1000).toFixed(0)} s)`);
  } });
  const classes = kind === 'semantic' ? ['background', 'nucleus'] : ['background', 'interior', 'boundary'];
  const czann = writeCzann({
    metadata: {
      type: kind === 'semantic' ? 'SingleClassSemanticSegmentation' : 'SingleClassInstanceSegmentation',
      inputShape: [TILE, TILE, 1], outputShape: [TILE, TILE, k], minOverlap: [OVERLAP, OVERLAP], classes,
      modelName: `bbbc039-${run}`, extra: kind === 'instance' ? { TesseraPostprocessing: POST } : {},
    },
    onnx: engine.exportOnnx(),
  });
  const path = `../../.bench/models/bbbc039-${run}.czann`;
  writeFileSync(path, czann);
  await engine.close();
  let iou = 0, tp = 0, fp = 0, fn = 0;
  for (const img of val) {
    const pred = await predict(czann, { width: img.width, height: img.height, channels: 1, dtype: 'uint16', data: img.raw }, {
      instances: kind === 'instance' ? true : { method: 'watershedDistance', minSize: 20 },
    });
    const inst = pred.planes[0]!.instances!;
    iou += foregroundIoU(inst.labels, img.instances) / val.length;
    const m = matchInstances(inst.labels, img.instances, 0.5);
    tp += m.tp; fp += m.fp; fn += m.fn;
  }
  const r = { steps: fit.steps, trainSeconds: +perRunSeconds.toFixed(0), labelledFraction: +labelled.toFixed(3), finalLoss: +(losses.slice(-50).reduce((a, b) => a + b, 0) / Math.min(50, losses.length)).toFixed(4),
    foregroundIoU: +iou.toFixed(4), ap50: +(tp / (tp + fp + fn)).toFixed(4), tp, fp, fn, model: path };
  results[run] = r;
  console.log(`${run}: ${JSON.stringify(r)}`);
}
const targets = { fullIoU: 0.9, fullAP50: 0.85, partialAP50: 0.75 };
const summary = { bench: 'training', split: 'sorted names: 16 train / 8 validate', minutes, threads, loadAfter: load(), targets, results };
writeFileSync('../../.bench/training.json', JSON.stringify(summary, null, 2));
console.log(JSON.stringify(summary));
