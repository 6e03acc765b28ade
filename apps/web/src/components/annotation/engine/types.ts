import type { Geometry } from '@tessera/annotations';

export type AnnotationKindName = 'brush' | 'eraser' | 'polygon' | 'instance';

/** An annotation as the editor holds it (the API's AnnotationDto; `pending` while not yet acknowledged). */
export interface EditorAnnotation {
  id: string;
  kind: AnnotationKindName;
  labelClassId: string | null;
  geometry: Geometry;
  fillHoles: boolean;
  zOrder: number;
  version: number;
  authorId: string;
  deleted: boolean;
  pending?: boolean;
}

export interface ClassStyle {
  id: string;
  name: string;
  color: string;
  opacity: number;
  visible: boolean;
}

/** The explicit tool union: one handler per mode (see modes.ts). */
export type EditorMode = 'pan' | 'brush' | 'eraser' | 'polygon' | 'fill';

export type OpInput =
  | { type: 'create'; key: string; annotation: { id: string; kind: AnnotationKindName; labelClassId?: string | null; geometry: Geometry; fillHoles?: boolean } }
  | { type: 'update'; key: string; annotationId: string; baseVersion: number; patch: { geometry?: Geometry; labelClassId?: string; fillHoles?: boolean } }
  | { type: 'delete'; key: string; annotationId: string; baseVersion: number }
  | { type: 'restore'; key: string; annotationId: string; baseVersion: number };

export interface OpResult {
  key: string;
  status: 'applied' | 'duplicate' | 'conflict' | 'rejected';
  seq?: number;
  annotation?: EditorAnnotation | null;
  message?: string;
}

/** Typed events the engine emits to the wrapper (and tests). */
export type EditorEvent =
  | { type: 'changed' }
  | { type: 'queue'; pending: number; online: boolean }
  | { type: 'refused'; message: string; annotationId?: string }
  | { type: 'mode'; mode: EditorMode };

export interface Pt {
  x: number;
  y: number;
}

export const newId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
