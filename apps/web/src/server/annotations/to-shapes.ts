import type { Annotation } from './db-types';
import type { AnnotationShape, Geometry } from '@tessera/annotations';
import { toAnnotationDto } from './annotation-dto';

/** Database rows → rasteriser shapes; classIndex is the class's position in the project's order, from 1. */
export function toShapes(rows: readonly Annotation[], classIndex: ReadonlyMap<string, number>): AnnotationShape[] {
  const out: AnnotationShape[] = [];
  for (const r of rows) {
    if (r.deletedAt) continue;
    const kind = toAnnotationDto(r).kind;
    const idx = r.labelClassId ? classIndex.get(r.labelClassId) : 0;
    if (kind !== 'eraser' && !idx) continue; // class deleted since: nothing to paint
    out.push({ id: r.id, kind, classIndex: idx ?? 0, geometry: r.geometry as unknown as Geometry, fillHoles: r.fillHoles, order: r.zOrder });
  }
  return out;
}
