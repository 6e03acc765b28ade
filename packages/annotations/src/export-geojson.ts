import type { AnnotationShape } from './types';

export interface GeoJsonFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'LineString' | 'Point'; coordinates: number[][] | number[] };
  properties: { kind: AnnotationShape['kind']; classIndex: number; className?: string; width?: number; fillHoles: boolean; order: number; objectType: 'annotation' };
}

export interface GeoJsonCollection {
  type: 'FeatureCollection';
  features: GeoJsonFeature[];
}

const pairs = (p: readonly number[]) => {
  const out: number[][] = [];
  for (let i = 0; i + 1 < p.length; i += 2) out.push([p[i]!, p[i + 1]!]);
  return out;
};

/**
 * GeoJSON in image pixel coordinates (x right, y down), as QuPath reads it: polygons become closed Polygon rings;
 * brush and eraser strokes become LineStrings (or a Point for a click) with their `width`; paint order in `order`.
 */
export function exportGeoJson(shapes: readonly AnnotationShape[], classNames: ReadonlyMap<number, string> = new Map()): GeoJsonCollection {
  const features = [...shapes]
    .sort((a, b) => a.order - b.order)
    .map((s): GeoJsonFeature => {
      const props = {
        kind: s.kind,
        classIndex: s.classIndex,
        ...(classNames.has(s.classIndex) ? { className: classNames.get(s.classIndex) } : {}),
        fillHoles: s.fillHoles ?? false,
        order: s.order,
        objectType: 'annotation' as const,
      };
      const g = s.geometry;
      if (g.type === 'polygon') {
        const rings = g.rings.map((r) => {
          const pts = pairs(r);
          return [...pts, pts[0]!];
        });
        return { type: 'Feature', id: s.id, geometry: { type: 'Polygon', coordinates: rings }, properties: props };
      }
      const pts = pairs(g.points);
      const geometry = pts.length === 1 ? { type: 'Point' as const, coordinates: pts[0]! } : { type: 'LineString' as const, coordinates: pts };
      return { type: 'Feature', id: s.id, geometry, properties: { ...props, width: g.width } };
    });
  return { type: 'FeatureCollection', features };
}
