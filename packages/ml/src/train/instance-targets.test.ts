import { describe, expect, it } from 'vitest';
import { instanceTargets, semanticTargets } from './instance-targets';

describe('instance targets', () => {
  // Two touching 3×3 objects side by side in a 8×5 image.
  const w = 8, h = 5;
  const inst = new Int32Array(w * h);
  for (let y = 1; y <= 3; y++) for (let x = 1; x <= 6; x++) inst[y * w + x] = x <= 3 ? 1 : 2;

  it('marks background, interior and an 8-neighbour inner boundary that separates touching objects', () => {
    const t = instanceTargets(inst, w, h);
    expect(t[0]).toBe(1);
    expect(t[2 * w + 2]).toBe(2); // centre of object 1
    expect(t[2 * w + 5]).toBe(2); // centre of object 2
    expect(t[2 * w + 3]).toBe(3); // touching column of object 1
    expect(t[2 * w + 4]).toBe(3); // touching column of object 2
    expect([...t].filter((v) => v === 2)).toHaveLength(2);
  });

  it('partial labels: unkept objects and unselected background are unlabelled', () => {
    const t = instanceTargets(inst, w, h, { keep: (id) => id === 2, background: (i) => i < w });
    expect(t[2 * w + 2]).toBe(0);
    expect(t[2 * w + 5]).toBe(2);
    expect(t[0]).toBe(1);
    expect(t[4 * w]).toBe(0);
    const s = semanticTargets(inst, { keep: (id) => id === 1 });
    expect([s[0], s[2 * w + 2], s[2 * w + 5]]).toEqual([1, 2, 0]);
  });
});
