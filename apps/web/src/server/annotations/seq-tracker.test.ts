import { expect, it } from 'vitest';
import { SeqTracker } from './seq-tracker';

it('accepts out-of-order sequence numbers once each and tracks the contiguous watermark', () => {
  const t = new SeqTracker(4);
  expect(t.offer(3)).toBe(false);
  expect(t.offer(6)).toBe(true);
  expect(t.gap()).toBe(true);
  expect(t.contiguous).toBe(4);
  expect(t.offer(5)).toBe(true); // arrived late: still delivered
  expect(t.contiguous).toBe(6);
  expect(t.gap()).toBe(false);
  expect(t.offer(6)).toBe(false);
  expect(t.offer(5)).toBe(false);
});
