import { initParams, type ParamSet } from './params';
import { unetParamSpecs } from './unet';
import type { UnetConfig } from './unet-config';
import { Rng } from '../train/rng';

import type { Batch } from '../train/training-data';

/** A random batch with one-hot targets and every fourth pixel unlabelled (for tests and benchmarks). */
export function randomBatch(cfg: UnetConfig, n: number, h: number, w: number, seed: number): Batch {
  const rng = new Rng(seed);
  const k = cfg.outChannels, p = h * w;
  const x = Float32Array.from({ length: n * cfg.inChannels * p }, () => rng.normal());
  const target = new Float32Array(n * k * p);
  const mask = new Float32Array(n * p);
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < p; i++) {
      const c = k === 1 ? (rng.next() < 0.5 ? 1 : 0) : rng.int(k);
      target[(b * k + (k === 1 ? 0 : c)) * p + i] = k === 1 ? c : 1;
      mask[b * p + i] = rng.next() < 0.25 ? 0 : 1;
    }
  }
  return { x, target, mask };
}

export function seededParams(cfg: UnetConfig, seed: number): ParamSet {
  return initParams(unetParamSpecs(cfg), new Rng(seed));
}
