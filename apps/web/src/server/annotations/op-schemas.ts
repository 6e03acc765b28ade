import { z } from 'zod';
import { GeometrySchema } from '@tessera/annotations';

/** Client-chosen ids (annotation ids and idempotency keys): 8–64 url-safe characters, e.g. a UUID. */
export const ClientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, - or _ (a UUID works)');
export const ApiKindSchema = z.enum(['brush', 'eraser', 'polygon', 'instance']);

const NewAnnotation = z
  .object({
    id: ClientIdSchema,
    kind: ApiKindSchema,
    labelClassId: z.string().min(1).max(64).nullable().optional(),
    geometry: GeometrySchema,
    fillHoles: z.boolean().optional(),
  })
  .superRefine((a, ctx) => {
    const needs = a.kind === 'brush' || a.kind === 'eraser' ? 'polyline' : a.kind === 'polygon' ? 'polygon' : null;
    if (needs && a.geometry.type !== needs) ctx.addIssue({ code: 'custom', path: ['geometry'], message: `a ${a.kind} needs ${needs} geometry` });
    if (a.kind !== 'eraser' && !a.labelClassId) ctx.addIssue({ code: 'custom', path: ['labelClassId'], message: `a ${a.kind} needs a label class` });
  });

const Key = { key: ClientIdSchema };
const Base = { annotationId: ClientIdSchema, baseVersion: z.number().int().min(1) };

export const AnnotationOpSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('create'), ...Key, annotation: NewAnnotation }),
  z.object({
    type: z.literal('update'),
    ...Key,
    ...Base,
    patch: z
      .object({ geometry: GeometrySchema.optional(), labelClassId: z.string().min(1).max(64).optional(), fillHoles: z.boolean().optional() })
      .refine((p) => Object.keys(p).length > 0, 'send at least one of geometry, labelClassId, fillHoles'),
  }),
  z.object({ type: z.literal('delete'), ...Key, ...Base }),
  z.object({ type: z.literal('restore'), ...Key, ...Base }),
]);
export type AnnotationOp = z.infer<typeof AnnotationOpSchema>;

export const OpBatchSchema = z.object({ ops: z.array(AnnotationOpSchema).min(1).max(200, 'at most 200 operations per request') });

export const AnnotationSchema = z.object({
  id: z.string(),
  kind: ApiKindSchema,
  labelClassId: z.string().nullable(),
  geometry: GeometrySchema,
  fillHoles: z.boolean(),
  zOrder: z.number(),
  version: z.number(),
  authorId: z.string(),
  updatedById: z.string(),
  deleted: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AnnotationDto = z.infer<typeof AnnotationSchema>;

export const OpResultSchema = z.object({
  key: z.string(),
  status: z.enum(['applied', 'duplicate', 'conflict', 'rejected']),
  seq: z.number().optional(),
  annotation: AnnotationSchema.nullable().optional(),
  message: z.string().optional(),
});
export type OpResult = z.infer<typeof OpResultSchema>;
