import { describe, expect, it } from 'vitest';
import { splitLabelledAreas } from './split-labelled';
import { syntheticDisks } from './synthetic-data';

describe('splitLabelledAreas', () => {
  it('partitions the labelled pixels by block, deterministically', () => {
    const img = syntheticDisks(128, 1, 0.5);
    const a = splitLabelledAreas([img], 0.25, 3, 32);
    const b = splitLabelledAreas([img], 0.25, 3, 32);
    const t = a.train[0]!.labels, v = a.validation[0]!.labels;
    let nv = 0, overlap = 0, lost = 0;
    for (let i = 0; i < img.labels.length; i++) {
      if (t[i] && v[i]) overlap++;
      if (t[i]! + v[i]! !== img.labels[i]) lost++;
      if (v[i]) nv++;
    }
    expect([overlap, lost]).toEqual([0, 0]); // disjoint and complete
    expect(nv).toBeGreaterThan(0);
    expect(nv).toBeLessThan(img.labels.filter((l) => l > 0).length);
    expect(b.validation[0]!.labels).toEqual(v);
  });
});
