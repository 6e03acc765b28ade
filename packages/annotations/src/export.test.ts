import { describe, expect, it } from 'vitest';
import { decodeCocoRle, exportCoco } from './export-coco';
import { exportGeoJson } from './export-geojson';
import { rasteriseAnnotations } from './rasterise';
import { box, brush, instance, polygon } from './test-helpers';

describe('exportCoco', () => {
  it('instance project: one annotation per object; RLE decodes to exactly the rasterised instance', () => {
    const shapes = [instance([box(1, 1, 4, 3)], 2, 1), instance([box(3, 2, 6, 6)], 2, 2), brush([0, 7.5, 9, 7.5], 1, 1, 3)];
    const coco = exportCoco([{ id: 7, fileName: 'a.tif', width: 9, height: 8, shapes }], [{ id: 2, name: 'Nucleus' }], { instanceProject: true });
    expect(coco.annotations).toHaveLength(2);
    const m = rasteriseAnnotations(shapes, { width: 9, height: 8 });
    coco.annotations.forEach((a, k) => {
      const dec = decodeCocoRle(a.segmentation);
      expect(Array.from(dec)).toEqual(Array.from(m.instances, (v) => (v === k + 1 ? 1 : 0)));
      expect(a.area).toBe(dec.reduce((s, v) => s + v, 0));
    });
    expect(coco.annotations[0]).toMatchObject({ image_id: 7, category_id: 2, bbox: [1, 1, 3, 2], area: 5, iscrowd: 0 });
    expect(coco.annotations[1]).toMatchObject({ bbox: [3, 2, 3, 4], area: 12, attributes: { annotationId: shapes[1]!.id } });
  });
  it('semantic project: one crowd annotation per class per image', () => {
    const coco = exportCoco([{ id: 1, fileName: 'b.png', width: 4, height: 4, shapes: [polygon([box(0, 0, 2, 2)], 3)] }], [{ id: 3, name: 'Fibre' }, { id: 4, name: 'None' }], {
      instanceProject: false,
    });
    expect(coco.annotations).toEqual([
      expect.objectContaining({ category_id: 3, iscrowd: 1, area: 4, bbox: [0, 0, 2, 2], segmentation: { size: [4, 4], counts: [0, 2, 2, 2, 10] } }),
    ]);
  });
});

describe('exportGeoJson', () => {
  it('polygons are closed rings, strokes keep their width, clicks are points', () => {
    const fc = exportGeoJson([polygon([box(0, 0, 2, 2)], 1, 2), brush([1, 1, 3, 3], 4, 2, 1), brush([5, 5], 2, 2, 3)], new Map([[1, 'Background']]));
    expect(fc.features.map((f) => f.geometry.type)).toEqual(['LineString', 'Polygon', 'Point']);
    expect(fc.features[1]!.geometry.coordinates).toEqual([[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]);
    expect(fc.features[0]!.properties).toMatchObject({ kind: 'brush', width: 4, classIndex: 2 });
    expect(fc.features[1]!.properties.className).toBe('Background');
  });
});
