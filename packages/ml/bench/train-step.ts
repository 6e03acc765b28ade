/**
 * bench:train-step — milliseconds per training step (forward + backward + Adam) of the same UNet on the same
 * batch and weights: @tessera/ml on onnxruntime-node vs PyTorch CPU (Debian python3-torch). The two alternate in
 * rounds inside this script so both see the same machine load; medians over all rounds are reported.
 * Prints a table and ends with one line of JSON. Usage:
 * tsx bench/train-step.ts [--steps 8] [--rounds 3] [--threads 2] [--norm none|group|none,group]
 * With several norms, each round runs every norm in turn (same load for all); `group` = conv → GroupNorm → ReLU.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { countParams } from '../src/model/params';
import { randomBatch, seededParams } from '../src/model/test-fixtures';
import { unetParamSpecs } from '../src/model/unet';
import { unetFromPreset, type UnetConfig } from '../src/model/unet-config';
import { AdamConfigSchema } from '../src/optim/adam';
import { runFixedBatch } from '../src/train/fixed-batch-runner';
import { runTorchReference, torchAvailable } from '../src/train/torch-reference';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const steps = arg('steps', 8), rounds = arg('rounds', 3);
const normArg = process.argv.indexOf('--norm');
const norms = (normArg > 0 ? String(process.argv[normArg + 1]) : 'none').split(',') as Array<NonNullable<UnetConfig['norm']>>;
if (norms.some((n) => n !== 'none' && n !== 'group')) throw new Error(`--norm takes none, group or none,group; got ${norms.join(',')}`);
const threads = arg('threads', Math.min(2, cpus().length));
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const load = (): string => execSync('uptime').toString().trim().replace(/.*load average: /, '');

// The reference network of issue 7: conv 16/16 → pool → 32/32 → pool → 64/64 → up → 32/32 → up → 16/16 → 1×1, sigmoid, BCE.
const base = unetFromPreset('small', 1, 1, 'sigmoid');
const modelFor = (norm: NonNullable<UnetConfig['norm']>): UnetConfig => (norm === 'none' ? base : { ...base, norm });
const adam = AdamConfigSchema.parse({});
const size = 128, lr = 1e-3;
const hasTorch = torchAvailable();
const rows: Array<Record<string, number | string | null>> = [];
const loadBefore = load();
console.log(`UNet small (norm ${norms.join(', ')}): ${norms.map((n) => countParams(unetParamSpecs(modelFor(n)))).join(' / ')} parameters, ${size}×${size}, ${threads} threads, ${rounds} rounds × ${steps} timed steps; load average before: ${loadBefore}`);
for (const batch of [1, 8]) {
  const b = randomBatch(base, batch, size, size, 2);
  const ours = new Map(norms.map((n) => [n, [] as number[]])), torch = new Map(norms.map((n) => [n, [] as number[]]));
  const meta = new Map<string, { buildMs: number; sessionMs: number; nodeCount: number }>();
  let torchVersion = 'absent';
  for (let r = 0; r < rounds; r++) {
    for (const norm of norms) {
      const model = modelFor(norm);
      const params = seededParams(model, 1);
      const o = await runFixedBatch(model, params, b, { batch, height: size, width: size, steps, lr, adam, warmup: 2, execution: { threads } });
      ours.get(norm)!.push(...o.ms);
      meta.set(norm, o);
      if (hasTorch) {
        const ref = runTorchReference<{ ms: number[]; torch: string }>('bench', { model, batch, height: size, width: size, lr, adam, steps, threads, warmup: 2 }, params, b);
        torch.get(norm)!.push(...ref.ms);
        torchVersion = ref.torch;
      }
    }
  }
  for (const norm of norms) {
    const o = ours.get(norm)!, t = torch.get(norm)!, m = meta.get(norm)!;
    const oursMs = median(o), torchMs = hasTorch ? median(t) : null;
    const ratio = torchMs ? +(oursMs / torchMs).toFixed(2) : null;
    rows.push({ norm, batch, oursMs: +oursMs.toFixed(1), torchMs: torchMs && +torchMs.toFixed(1), ratio, oursMinMs: +Math.min(...o).toFixed(1),
      torchMinMs: hasTorch ? +Math.min(...t).toFixed(1) : null, graphBuildMs: +m.buildMs.toFixed(0), sessionCreateMs: +m.sessionMs.toFixed(0), nodes: m.nodeCount });
    console.log(`norm ${norm}, batch ${batch}: ours ${oursMs.toFixed(1)} ms (min ${Math.min(...o).toFixed(1)}) | PyTorch ${torchVersion} ${torchMs?.toFixed(1) ?? '—'} ms (min ${hasTorch ? Math.min(...t).toFixed(1) : '—'}) | ratio ${ratio ?? '—'} | graph ${m.buildMs.toFixed(0)} ms, session ${m.sessionMs.toFixed(0)} ms, ${m.nodeCount} nodes`);
  }
}
const result = { bench: 'train-step', size, threads, rounds, steps, norms, params: countParams(unetParamSpecs(base)), torch: hasTorch, loadBefore, loadAfter: load(), rows, target: 'ratio <= 1.5' };
const file = norms.length === 1 && norms[0] === 'none' ? 'train-step.json' : `train-step-${norms.join('-')}.json`;
mkdirSync('../../.bench', { recursive: true });
writeFileSync(`../../.bench/${file}`, JSON.stringify(result, null, 2));
console.log(JSON.stringify(result));
