import type { Prisma } from '@tessera/db';

/** Row types of the annotation tables, derived from the generated client (not re-exported by @tessera/db). */
export type Annotation = Prisma.AnnotationGetPayload<object>;
export type AnnotationKind = Annotation['kind'];
export type ReviewStatus = Prisma.ImageAnnotationStateGetPayload<object>['status'];
