/**
 * npm run bench:czann — inspect/validate medians on every sample and a bounded-memory read of a generated
 * 200 MB .czann, each beside a Python zipfile reference. Last line: one JSON object with the figures.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import { inspectOnnx, readModel, validateModel, writeCzann } from '../src/index';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const SAMPLES = join(HERE, '../../../../shared/data/czann');
const OUT = join(HERE, '../../../.bench/czann');
const LARGE = join(OUT, 'large-200mb.czann');
const RUNS = 25;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

const PY_SAMPLE = `
import zipfile, json, sys, time, statistics, os
d = sys.argv[1]; out = {}
for f in sorted(os.listdir(d)):
    ts = []
    for _ in range(${RUNS}):
        t0 = time.perf_counter()
        with zipfile.ZipFile(os.path.join(d, f)) as z:
            names = z.namelist()
            meta = z.read(next(n for n in names if n.endswith(('.json', '.xml'))))
            model = z.read(next(n for n in names if n.endswith('.model')))
            if f.endswith('.czann'): json.loads(meta)
        ts.append((time.perf_counter() - t0) * 1000)
    out[f] = statistics.median(ts)
print(json.dumps(out))`;

const PY_LARGE = `
import zipfile, sys, resource, json
with zipfile.ZipFile(sys.argv[1]) as z: b = z.read('model.model')
print(json.dumps({"bytes": len(b), "maxRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))`;

function generateLarge(): void {
  const { onnx } = onnxProto;
  const n = 50 * 1024 * 1024; // 50 Mi float32 weights = 200 MiB
  const tensor = (name: string, dims: (number | string)[]) => ({
    name, type: { tensorType: { elemType: 1, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } },
  });
  const bytes = onnx.ModelProto.encode({
    irVersion: 7, opsetImport: [{ domain: '', version: 12 }], producerName: 'tessera-bench',
    graph: {
      name: 'big', node: [{ opType: 'Identity', input: ['input'], output: ['output'] }],
      input: [tensor('input', ['N', 256, 256, 1])], output: [tensor('output', ['N', 256, 256, 1])],
      initializer: [{ name: 'w', dataType: 1, dims: [n], rawData: new Uint8Array(n * 4).fill(7) }],
    },
  }).finish();
  const md = { type: 'Regression' as const, inputShape: [256, 256, 1], outputShape: [256, 256, 1], minOverlap: [16, 16], modelName: 'large', scaling: [1e-7, 1e-7] as [number, number], extra: {} };
  writeFileSync(LARGE, writeCzann({ metadata: md, onnx: bytes }));
}

async function readLarge(): Promise<void> {
  const t0 = performance.now();
  const m = await readModel(LARGE);
  const s = inspectOnnx(m.onnx);
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, params: s.parameterCount, onnxBytes: m.onnx.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

function child(mode: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), mode], { encoding: 'utf8' }).trim();
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const samples: Record<string, { inspectMs: number; validateMs: number; pythonReadMs: number }> = {};
  const py = JSON.parse(execFileSync('python3', ['-c', PY_SAMPLE, SAMPLES], { encoding: 'utf8' })) as Record<string, number>;
  console.log(`sample medians over ${RUNS} runs (ms): ours inspect = readModel+inspectOnnx, validate = readModel+validateModel; reference = Python zipfile read + json.loads`);
  for (const f of readdirSync(SAMPLES).sort()) {
    const p = join(SAMPLES, f);
    const inspectMs = await timeIt(async () => inspectOnnx((await readModel(p)).onnx));
    const validateMs = await timeIt(async () => validateModel(await readModel(p)));
    samples[f] = { inspectMs: +inspectMs.toFixed(3), validateMs: +validateMs.toFixed(3), pythonReadMs: +py[f]!.toFixed(3) };
    console.log(`  ${f.padEnd(45)} inspect ${inspectMs.toFixed(2).padStart(7)}  validate ${validateMs.toFixed(2).padStart(7)}  python ${py[f]!.toFixed(2).padStart(7)}`);
  }
  if (!existsSync(LARGE)) child('gen');
  const fileMb = statSync(LARGE).size / 1024 ** 2;
  const ours = JSON.parse(child('read-large')) as { ms: number; maxRssMb: number };
  const baseline = JSON.parse(child('baseline')) as { maxRssMb: number };
  const pyLarge = JSON.parse(execFileSync('python3', ['-c', PY_LARGE, LARGE], { encoding: 'utf8' })) as { maxRssMb: number };
  const large = {
    fileMb: +fileMb.toFixed(1), readMs: +ours.ms.toFixed(1), peakRssMb: +ours.maxRssMb.toFixed(1),
    baselineRssMb: +baseline.maxRssMb.toFixed(1), peakOverFile: +(ours.maxRssMb / fileMb).toFixed(2),
    aboveBaselineOverFile: +((ours.maxRssMb - baseline.maxRssMb) / fileMb).toFixed(2),
    pythonPeakRssMb: +pyLarge.maxRssMb.toFixed(1),
  };
  console.log(`200 MB read (readModel(path) + inspectOnnx, fresh process): ${large.readMs} ms, peak RSS ${large.peakRssMb} MB ` +
    `(process baseline ${large.baselineRssMb} MB) for a ${large.fileMb} MB file = ${large.peakOverFile}x (${large.aboveBaselineOverFile}x above baseline); Python zipfile.read peak RSS ${large.pythonPeakRssMb} MB`);
  console.log(JSON.stringify({ bench: 'czann', runs: RUNS, samples, large }));
}

const mode = process.argv[2];
if (mode === 'gen') generateLarge();
else if (mode === 'read-large') await readLarge();
else if (mode === 'baseline') console.log(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 }));
else await main();
