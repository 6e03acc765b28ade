import { parsePostprocessing, type InstancePostprocessingInput } from '../postprocessing-schema';
import { fillHoles, labelComponents, relabelSequential } from './connected-components';
import { distanceTransform } from './distance-transform';
import { findSeeds, smoothInMask } from './find-seeds';
import { watershed } from './watershed';

export interface InstanceInput {
  width: number;
  height: number;
  /** Semantic labels (argmax + 1; 0 = unassigned). */
  labels: ArrayLike<number>;
  /** Per-class scores (channels-last), used for the boundary ordering when present. */
  probabilities?: Float32Array;
  classes?: number;
}

export interface InstanceLabels {
  /** 0 = background, objects 1..count. */
  labels: Int32Array;
  count: number;
  /** Class label value of each object (index = id - 1). */
  objectClass: Int32Array;
}

/**
 * Turns a semantic label image into instances, per foreground class: connected components, or a seeded watershed
 * from distance-map maxima or from the interior of a boundary class; then hole filling and a minimum size.
 */
export function segmentInstances(input: InstanceInput, params: InstancePostprocessingInput = {}): InstanceLabels {
  const p = parsePostprocessing(params);
  const { width, height } = input;
  const n = width * height;
  let maxLabel = 0;
  for (let i = 0; i < n; i++) if (input.labels[i]! > maxLabel) maxLabel = input.labels[i]!;
  const fg = p.foregroundClasses ?? Array.from({ length: Math.max(0, maxLabel - 1) }, (_, i) => i + 2).filter((c) => c !== p.boundaryClass);
  const out = new Int32Array(n);
  const classes: number[] = [];
  let next = 0;
  for (const cls of fg) {
    let mask: Uint8Array = new Uint8Array(n);
    for (let i = 0; i < n; i++) if (input.labels[i] === cls) mask[i] = 1;
    let region: Uint8Array = mask;
    if (p.method === 'watershedBoundary' && p.boundaryClass !== undefined) {
      region = new Uint8Array(n);
      for (let i = 0; i < n; i++) if (mask[i] || input.labels[i] === p.boundaryClass) region[i] = 1;
    }
    if (p.fillHoles) { region = fillHoles(region, width, height); if (p.method !== 'watershedBoundary') mask = region; }
    let inst: Int32Array;
    if (p.method === 'connectedComponents') {
      inst = labelComponents(mask, width, height, p.connectivity).labels;
    } else if (p.method === 'watershedDistance') {
      const dist = smoothInMask(distanceTransform(mask, width, height), mask, width, height, p.smoothing);
      const seeds = findSeeds(dist, mask, width, height, p.seedDynamic, p.connectivity);
      const pri = new Float32Array(n);
      for (let i = 0; i < n; i++) pri[i] = -dist[i]!;
      inst = watershed(pri, seeds.markers, mask, width, height, p.connectivity);
    } else {
      const seeds = labelComponents(mask, width, height, p.connectivity).labels;
      const pri = new Float32Array(n);
      const b = p.boundaryClass;
      if (input.probabilities && input.classes && b !== undefined) {
        for (let i = 0; i < n; i++) pri[i] = input.probabilities[i * input.classes + b - 1]!;
      }
      inst = watershed(pri, seeds, region, width, height, p.connectivity);
    }
    const seq = relabelSequential(inst, p.minSize);
    for (let i = 0; i < n; i++) if (seq.labels[i]! > 0 && out[i] === 0) out[i] = seq.labels[i]! + next;
    for (let k = 0; k < seq.count; k++) classes.push(cls);
    next += seq.count;
  }
  return { labels: out, count: next, objectClass: Int32Array.from(classes) };
}
