export {
  ANNOTATION_KINDS, AnnotationKindSchema, AnnotationShapeSchema, GeometrySchema, MAX_COORD, MAX_POINTS, MAX_WIDTH, PolygonSchema, PolylineSchema,
  type AnnotationKind, type AnnotationShape, type Bounds, type Geometry, type Polygon, type Polyline, type Rect,
} from './types';
export { AnnotationError, type AnnotationErrorCode } from './errors';
export { boundsIntersect, geometryBounds, intersectRect, pixelRect, pointInPolygon, ringArea, segmentDistance2 } from './geometry';
export { fillEnclosed, rasteriseFootprint, type Footprint } from './footprint';
export { rasteriseAnnotations, sortForPainting, type LabelMasks, type RasteriseOptions } from './rasterise';
export { SpatialIndex } from './spatial-index';
export {
  checkClassTotals, checkImageAnnotations, type CheckClass, type CheckCode, type CheckIssue, type ClassStat, type ImageCheck,
} from './check-annotations';
export { decodeCocoRle, exportCoco, type CocoAnnotation, type CocoCategory, type CocoDataset, type CocoImageInput } from './export-coco';
export { exportGeoJson, type GeoJsonCollection, type GeoJsonFeature } from './export-geojson';
export { hitTest, simplifyPolyline } from './hit-test';
