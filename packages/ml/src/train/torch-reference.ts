import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParamSet } from '../model/params';
import { DEFAULT_NORM_GROUPS, type UnetConfig } from '../model/unet-config';
import type { AdamConfig } from '../optim/adam';
import type { Batch } from './training-data';

export const SYSTEM_PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('../../scripts/torch_unet.py', import.meta.url));

/** Whether Debian's python3 with torch is present (checked once). */
let available: boolean | undefined;
export function torchAvailable(): boolean {
  if (available === undefined) {
    available = existsSync(SYSTEM_PYTHON) && spawnSync(SYSTEM_PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
  }
  return available;
}

export interface TorchRunSpec {
  readonly model: UnetConfig;
  readonly batch: number;
  readonly height: number;
  readonly width: number;
  readonly lr: number;
  readonly adam: AdamConfig;
  readonly steps: number;
  readonly threads?: number;
  readonly warmup?: number;
}

/** Writes the weights and batch to files and runs the PyTorch reference (`curve` or `bench`); returns its JSON. */
export function runTorchReference<T>(mode: 'curve' | 'bench', spec: TorchRunSpec, params: ParamSet, batch: Batch): T {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-torch-'));
  try {
    const { model, adam } = spec;
    writeFileSync(join(dir, 'config.json'), JSON.stringify({
      ...model, normGroups: model.normGroups ?? DEFAULT_NORM_GROUPS,
      batch: spec.batch, height: spec.height, width_px: spec.width, lr: spec.lr, ...adam,
      steps: spec.steps, threads: spec.threads ?? 2, warmup: spec.warmup ?? 3,
    }));
    const flat = (arrs: Iterable<Float32Array>): Buffer => Buffer.concat([...arrs].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)));
    writeFileSync(join(dir, 'params.bin'), flat(params.values()));
    writeFileSync(join(dir, 'batch.bin'), flat([batch.x, batch.target, batch.mask]));
    const r = spawnSync(SYSTEM_PYTHON, [SCRIPT, dir, mode], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`torch reference failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop() as string) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
