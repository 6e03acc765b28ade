/**
 * bench:train-step — milliseconds per training step (forward + backward + Adam) of the same UNet on the same
 * batch and weights: @tessera/ml on onnxruntime-node vs PyTorch CPU (Debian python3-torch). The two alternate in
 * rounds inside this script so both see the same machine load; medians over all rounds are reported.
 * Prints a table and ends with one line of JSON. Usage: tsx bench/train-step.ts [--steps 8] [--rounds 3] [--threads 2]
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { countParams } from '../src/model/params';
import { randomBatch, seededParams } from '../src/model/test-fixtures';
import { unetParamSpecs } from '../src/model/unet';
import { unetFromPreset } from '../src/model/unet-config';
import { AdamConfigSchema } from '../src/optim/adam';
import { runFixedBatch } from '../src/train/fixed-batch-runner';
import { runTorchReference, torchAvailable } from '../src/train/torch-reference';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const steps = arg('steps', 8), rounds = arg('rounds', 3);
const threads = arg('threads', Math.min(2, cpus().length));
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const load = (): string => execSync('uptime').toString().trim().replace(/.*load average: /, '');

// The reference network of issue 7: conv 16/16 → pool → 32/32 → pool → 64/64 → up → 32/32 → up → 16/16 → 1×1, sigmoid, BCE.
const model = unetFromPreset('small', 1, 1, 'sigmoid');
const adam = AdamConfigSchema.parse({});
const size = 128, lr = 1e-3;
const hasTorch = torchAvailable();
const rows: Array<Record<string, number | string | null>> = [];
const loadBefore = load();
console.log(`UNet small: ${countParams(unetParamSpecs(model))} parameters, ${size}×${size}, ${threads} threads, ${rounds} rounds × ${steps} timed steps; load average before: ${loadBefore}`);
for (const batch of [1, 8]) {
  const params = seededParams(model, 1);
  const b = randomBatch(model, batch, size, size, 2);
  const ours: number[] = [], torch: number[] = [];
  let meta = { buildMs: 0, sessionMs: 0, nodeCount: 0 };
  let torchVersion = 'absent';
  for (let r = 0; r < rounds; r++) {
    const o = await runFixedBatch(model, params, b, { batch, height: size, width: size, steps, lr, adam, warmup: 2, execution: { threads } });
    ours.push(...o.ms);
    meta = o;
    if (hasTorch) {
      const ref = runTorchReference<{ ms: number[]; torch: string }>('bench', { model, batch, height: size, width: size, lr, adam, steps, threads, warmup: 2 }, params, b);
      torch.push(...ref.ms);
      torchVersion = ref.torch;
    }
  }
  const oursMs = median(ours), torchMs = hasTorch ? median(torch) : null;
  const ratio = torchMs ? +(oursMs / torchMs).toFixed(2) : null;
  rows.push({ batch, oursMs: +oursMs.toFixed(1), torchMs: torchMs && +torchMs.toFixed(1), ratio, oursMinMs: +Math.min(...ours).toFixed(1),
    torchMinMs: hasTorch ? +Math.min(...torch).toFixed(1) : null, graphBuildMs: +meta.buildMs.toFixed(0), sessionCreateMs: +meta.sessionMs.toFixed(0), nodes: meta.nodeCount });
  console.log(`batch ${batch}: ours ${oursMs.toFixed(1)} ms (min ${Math.min(...ours).toFixed(1)}) | PyTorch ${torchVersion} ${torchMs?.toFixed(1) ?? '—'} ms (min ${hasTorch ? Math.min(...torch).toFixed(1) : '—'}) | ratio ${ratio ?? '—'} | graph ${meta.buildMs.toFixed(0)} ms, session ${meta.sessionMs.toFixed(0)} ms, ${meta.nodeCount} nodes`);
}
const result = { bench: 'train-step', size, threads, rounds, steps, params: countParams(unetParamSpecs(model)), torch: hasTorch, loadBefore, loadAfter: load(), rows, target: 'ratio <= 1.5' };
mkdirSync('../../.bench', { recursive: true });
writeFileSync('../../.bench/train-step.json', JSON.stringify(result, null, 2));
console.log(JSON.stringify(result));
