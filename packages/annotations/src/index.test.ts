import { expect, it } from 'vitest';
import * as api from './index';

it('exposes the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'ANNOTATION_KINDS', 'AnnotationError', 'AnnotationKindSchema', 'AnnotationShapeSchema', 'GeometrySchema', 'MAX_COORD', 'MAX_POINTS',
    'MAX_WIDTH', 'PolygonSchema', 'PolylineSchema', 'SpatialIndex', 'boundsIntersect', 'checkClassTotals', 'checkImageAnnotations',
    'decodeCocoRle', 'exportCoco', 'exportGeoJson', 'fillEnclosed', 'geometryBounds', 'hitTest', 'intersectRect', 'pixelRect',
    'pointInPolygon', 'rasteriseAnnotations', 'rasteriseFootprint', 'ringArea', 'segmentDistance2', 'simplifyPolyline', 'sortForPainting',
  ]);
  expect(api.AnnotationShapeSchema.safeParse({ id: 'a', kind: 'brush', classIndex: 1, order: 1, geometry: { type: 'polygon', rings: [[0, 0, 1, 0, 1, 1]] } }).success).toBe(false);
  expect(api.AnnotationShapeSchema.safeParse({ id: 'a', kind: 'brush', classIndex: 1, order: 1, geometry: { type: 'polyline', points: [0, 0, 1], width: 2 } }).success).toBe(false);
  expect(api.AnnotationShapeSchema.parse({ id: 'a', kind: 'brush', classIndex: 1, order: 1, geometry: { type: 'polyline', points: [0, 0], width: 2 } }).fillHoles).toBe(false);
});
