import type { Annotation, AnnotationKind } from './db-types';
import type { Geometry } from '@tessera/annotations';
import type { AnnotationDto } from './op-schemas';

export const KIND_TO_DB: Record<AnnotationDto['kind'], AnnotationKind> = { brush: 'BRUSH', eraser: 'ERASER', polygon: 'POLYGON', instance: 'INSTANCE' };
const KIND_FROM_DB: Record<AnnotationKind, AnnotationDto['kind']> = { BRUSH: 'brush', ERASER: 'eraser', POLYGON: 'polygon', INSTANCE: 'instance' };

export function toAnnotationDto(a: Annotation): AnnotationDto {
  return {
    id: a.id,
    kind: KIND_FROM_DB[a.kind]!,
    labelClassId: a.labelClassId,
    geometry: a.geometry as unknown as Geometry,
    fillHoles: a.fillHoles,
    zOrder: a.zOrder,
    version: a.version,
    authorId: a.authorId,
    updatedById: a.updatedById,
    deleted: a.deletedAt !== null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
