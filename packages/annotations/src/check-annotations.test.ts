import { describe, expect, it } from 'vitest';
import { checkClassTotals, checkImageAnnotations } from './check-annotations';
import { box, brush, instance, polygon } from './test-helpers';

const classes = [{ index: 1, name: 'Background', background: true }, { index: 2, name: 'Nucleus' }];
const opts = { width: 20, height: 20, instanceProject: true, classes };
const codes = (r: ReturnType<typeof checkImageAnnotations>) => r.issues.map((i) => i.code).sort();

describe('checkImageAnnotations', () => {
  it('a clean instance image has no issues', () => {
    const r = checkImageAnnotations([brush([0, 10.5, 20, 10.5], 1, 1), instance([box(2, 2, 5, 5)], 2), instance([box(8, 2, 11, 5)], 2)], opts);
    expect(r.issues).toEqual([]);
    expect(r.classStats).toEqual([{ index: 1, areaPx: 20, objects: 0 }, { index: 2, areaPx: 18, objects: 2 }]);
  });
  it('nothing labelled, then no background', () => {
    expect(codes(checkImageAnnotations([], opts))).toEqual(['NOTHING_LABELLED']);
    expect(codes(checkImageAnnotations([instance([box(2, 2, 5, 5)], 2)], opts))).toEqual(['NO_BACKGROUND']);
  });
  it('touching instances are reported once per pair, with both ids and the place', () => {
    const a = instance([box(2, 2, 5, 5)], 2, 1), b = instance([box(5, 2, 8, 5)], 2, 2);
    const r = checkImageAnnotations([brush([0, 10.5, 20, 10.5], 1, 1, 0), a, b], opts);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'INSTANCES_TOUCHING', annotationIds: [a.id, b.id], at: { x: 4.5, y: 2.5 } });
  });
  it('objects cut by the edge and shapes outside the image', () => {
    const cut = instance([box(0, 5, 3, 8)], 2, 5);
    const out = polygon([box(30, 30, 35, 35)], 2, 6);
    const half = brush([15, 15, 25, 15], 2, 1, 7);
    const r = checkImageAnnotations([cut, out, half], opts);
    expect(codes(r)).toEqual(['CUT_BY_EDGE', 'OUTSIDE_IMAGE', 'OUTSIDE_IMAGE']);
    expect(r.issues.find((i) => i.code === 'CUT_BY_EDGE')).toMatchObject({ annotationIds: [cut.id], at: { x: 0.5, y: 5.5 } });
    expect(r.issues.filter((i) => i.code === 'OUTSIDE_IMAGE').map((i) => i.severity).sort()).toEqual(['error', 'warning']);
  });
});

describe('checkClassTotals', () => {
  it('sums over images and flags small and sparse classes', () => {
    const issues = checkClassTotals(
      [[{ index: 1, areaPx: 150, objects: 0 }, { index: 2, areaPx: 90, objects: 2 }], [{ index: 1, areaPx: 100, objects: 0 }, { index: 2, areaPx: 200, objects: 2 }]],
      classes,
      { minAreaPx: 200, minObjects: 5 },
    );
    expect(issues.map((i) => [i.code, i.classIndex])).toEqual([['CLASS_TOO_FEW_OBJECTS', 2]]);
    expect(checkClassTotals([], classes).map((i) => i.code)).toEqual(['CLASS_TOO_SMALL', 'CLASS_TOO_SMALL', 'CLASS_TOO_FEW_OBJECTS']);
  });
});
