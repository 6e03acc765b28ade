import { expect, it } from 'vitest';
import { hitTest, simplifyPolyline } from './hit-test';

it('hitTest: inside a polygon (even-odd, holes excluded), within a stroke radius plus tolerance', () => {
  const donut = { geometry: { type: 'polygon' as const, rings: [[0, 0, 10, 0, 10, 10, 0, 10], [3, 3, 7, 3, 7, 7, 3, 7]] } };
  expect(hitTest(donut, 1, 1)).toBe(true);
  expect(hitTest(donut, 5, 5)).toBe(false);
  const line = { geometry: { type: 'polyline' as const, points: [0, 0, 10, 0], width: 4 } };
  expect(hitTest(line, 5, 2)).toBe(true);
  expect(hitTest(line, 5, 2.5)).toBe(false);
  expect(hitTest(line, 5, 2.5, 1)).toBe(true);
});

it('simplifyPolyline keeps the ends and drops points closer than the step', () => {
  expect(simplifyPolyline([0, 0, 0.1, 0, 0.2, 0, 1, 0, 1.05, 0, 2, 0], 0.5)).toEqual([0, 0, 1, 0, 2, 0]);
  expect(simplifyPolyline([0, 0, 5, 5], 10)).toEqual([0, 0, 5, 5]);
});
