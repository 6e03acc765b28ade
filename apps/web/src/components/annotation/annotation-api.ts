import { ApiError, api } from '@/lib/api-client';
import { BatchRefused, type SendBatch } from './engine/op-queue';
import type { ClassStyle, EditorAnnotation, OpInput, OpResult } from './engine/types';

const enc = encodeURIComponent;
export const annotationPaths = {
  list: (orgId: string, imageId: string) => `/api/v1/orgs/${enc(orgId)}/images/${enc(imageId)}/annotations`,
  ops: (orgId: string, imageId: string) => `/api/v1/orgs/${enc(orgId)}/images/${enc(imageId)}/annotations/ops`,
  events: (orgId: string, imageId: string) => `/api/v1/orgs/${enc(orgId)}/images/${enc(imageId)}/annotations/events`,
  presence: (orgId: string, imageId: string) => `/api/v1/orgs/${enc(orgId)}/images/${enc(imageId)}/annotations/presence`,
  checks: (orgId: string, imageId: string) => `/api/v1/orgs/${enc(orgId)}/images/${enc(imageId)}/annotations/checks`,
  exportImage: (orgId: string, imageId: string, format: string) => `/api/v1/orgs/${enc(orgId)}/images/${enc(imageId)}/annotations/export?format=${enc(format)}`,
  review: (orgId: string, imageId: string) => `/api/v1/orgs/${enc(orgId)}/images/${enc(imageId)}/review`,
  comments: (orgId: string, imageId: string) => `/api/v1/orgs/${enc(orgId)}/images/${enc(imageId)}/review/comments`,
  editorPage: (orgId: string, projectId: string, imageId: string) => `/o/${enc(orgId)}/projects/${enc(projectId)}/images/${enc(imageId)}/annotate`,
};

export interface AnnotationsResponse {
  image: { id: string; name: string; width: number | null; height: number | null; projectId: string; projectKind: 'SEMANTIC' | 'INSTANCE' };
  labelClasses: { id: string; name: string; color: string }[];
  status: string;
  seq: number;
  annotations: EditorAnnotation[];
}

export const toClassStyles = (cs: AnnotationsResponse['labelClasses']): ClassStyle[] => cs.map((c) => ({ ...c, opacity: 0.55, visible: true }));

/** The outbox's sender: a network failure or 5xx/408/429 means "retry later"; any other 4xx refuses the batch. */
export function opsSender(orgId: string, imageId: string): SendBatch {
  return async (ops: readonly OpInput[]) => {
    try {
      const r = await api.post<{ results: OpResult[] }>(annotationPaths.ops(orgId, imageId), { ops });
      return r.results;
    } catch (e) {
      if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429 && e.status !== 0) {
        throw new BatchRefused(e.status, e.message);
      }
      throw e;
    }
  };
}
