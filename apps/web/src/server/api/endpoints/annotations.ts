import { z } from 'zod';
import { applyAnnotationOps } from '../../annotations/apply-annotation-ops';
import { checkBeforeTraining } from '../../annotations/check-before-training';
import { openAnnotationStream } from '../../annotations/event-stream';
import { exportImageAnnotations, exportProjectAnnotations } from '../../annotations/export-annotations';
import { exportProjectMasks } from '../../annotations/export-project-masks';
import { findAnnotatableImage } from '../../annotations/find-image';
import { listAnnotationOps, listAnnotations } from '../../annotations/list-annotations';
import { AnnotationSchema, OpBatchSchema, OpResultSchema } from '../../annotations/op-schemas';
import { listPresence, updatePresence } from '../../annotations/presence';
import { addReviewComment, listImageReviewStatuses, listReviewComments, resolveReviewComment, updateAnnotationSettings } from '../../annotations/review-comments';
import { reviewImage } from '../../annotations/review-image';
import { withOrg } from '../endpoint';
import { readJsonBody } from '../read-body';

/** Stroke batches from the offline queue can be large; other bodies keep the default 64 KiB cap. */
const MAX_OPS_BYTES = 2 * 1024 * 1024;
const IMG = '/api/v1/orgs/{orgId}/images/{imageId}';
const PRJ = '/api/v1/orgs/{orgId}/projects/{projectId}';
const Coord = z.number().finite().min(-1e6).max(1e6);
const CommentBody = z.object({ body: z.string().trim().min(1, 'must not be empty').max(2000), x: Coord, y: Coord });
const AfterQuery = z.object({ after: z.coerce.number().int().min(0).default(0) });
const Thresholds = z.object({ minAreaPx: z.coerce.number().int().min(0).max(1e9).optional(), minObjects: z.coerce.number().int().min(0).max(1e6).optional() });

export const getImageAnnotations = withOrg(
  { method: 'GET', path: `${IMG}/annotations`, summary: "An image's current annotations, op sequence and review status", permission: 'annotations:read' },
  ({ db, actor, params }) => listAnnotations(db, actor, params.imageId ?? ''),
);

export const postAnnotationOps = withOrg(
  {
    method: 'POST',
    path: `${IMG}/annotations/ops`,
    summary: 'Apply annotation operations in order (create/update/delete/restore); idempotent per key, versioned',
    permission: 'annotations:write',
    response: z.object({ results: z.array(OpResultSchema) }),
  },
  async ({ req, db, actor, params }) => {
    const body = await readJsonBody(req, OpBatchSchema, MAX_OPS_BYTES);
    return applyAnnotationOps(db, actor, params.imageId ?? '', body.ops);
  },
);

export const getAnnotationOps = withOrg(
  {
    method: 'GET',
    path: `${IMG}/annotations/ops`,
    summary: 'The op log after ?after=<seq> (history, catch-up)',
    permission: 'annotations:read',
    query: AfterQuery,
    response: z.object({ ops: z.array(z.object({ seq: z.number(), opType: z.string(), key: z.string(), userId: z.string(), annotation: AnnotationSchema })) }),
  },
  ({ db, actor, params, query }) => listAnnotationOps(db, actor, params.imageId ?? '', query.after),
);

export const getAnnotationEvents = withOrg(
  {
    method: 'GET',
    path: `${IMG}/annotations/events`,
    summary: 'With Accept: text/event-stream, server-sent events (ops after ?after=<seq>, then live ops, presence, review); otherwise who is here now, as JSON',
    permission: 'annotations:read',
    query: AfterQuery,
  },
  async ({ req, db, actor, params, query }) => {
    const image = await findAnnotatableImage(db, actor, params.imageId ?? '');
    if (!(req.headers.get('accept') ?? '').includes('text/event-stream')) return { presence: await listPresence(actor.organizationId, image.id) };
    return openAnnotationStream(req, actor, image.id, query.after);
  },
);

export const postPresence = withOrg(
  {
    method: 'POST',
    path: `${IMG}/annotations/presence`,
    summary: "Tell others on the image where your cursor is (x, y in image pixels; null when it left)",
    permission: 'annotations:read',
    body: z.object({ x: Coord.nullable(), y: Coord.nullable(), tool: z.string().max(20).optional() }),
  },
  async ({ db, actor, params, body }) => {
    const image = await findAnnotatableImage(db, actor, params.imageId ?? '');
    await updatePresence(actor, image.id, body);
  },
);

export const getImageExport = withOrg(
  {
    method: 'GET',
    path: `${IMG}/annotations/export`,
    summary: 'Download label mask TIFF, instance mask TIFF, COCO JSON or GeoJSON',
    permission: 'annotations:read',
    query: z.object({ format: z.enum(['labels-tiff', 'instances-tiff', 'coco', 'geojson']).default('geojson') }),
  },
  ({ db, actor, params, query }) => exportImageAnnotations(db, actor, params.imageId ?? '', query.format),
);

export const getImageChecks = withOrg(
  { method: 'GET', path: `${IMG}/annotations/checks`, summary: "Checks before training for one image", permission: 'annotations:read', query: Thresholds },
  async ({ db, actor, params, query }) => {
    const image = await findAnnotatableImage(db, actor, params.imageId ?? '');
    return checkBeforeTraining(db, actor, { projectId: image.projectId, imageId: image.id, ...query });
  },
);

export const postReview = withOrg(
  {
    method: 'POST',
    path: `${IMG}/review`,
    summary: 'Submit for review, approve, request changes (with an optional pinned comment) or reopen',
    permission: 'annotations:write',
    body: z.object({ action: z.enum(['submit', 'approve', 'request_changes', 'reopen']), comment: CommentBody.optional() }),
  },
  ({ db, actor, params, body }) => reviewImage(db, actor, params.imageId ?? '', body),
);

export const getReviewComments = withOrg(
  { method: 'GET', path: `${IMG}/review/comments`, summary: 'Review comments pinned to places in the image', permission: 'annotations:read' },
  ({ db, actor, params }) => listReviewComments(db, actor, params.imageId ?? ''),
);

export const postReviewComment = withOrg(
  { method: 'POST', path: `${IMG}/review/comments`, summary: 'Pin a comment to a place (x, y in image pixels)', permission: 'annotations:write', body: CommentBody, successStatus: 201 },
  ({ db, actor, params, body }) => addReviewComment(db, actor, params.imageId ?? '', body),
);

export const patchReviewComment = withOrg(
  { method: 'PATCH', path: `${IMG}/review/comments/{commentId}`, summary: 'Resolve or reopen a comment', permission: 'annotations:write', body: z.object({ resolved: z.boolean() }) },
  ({ db, actor, params, body }) => resolveReviewComment(db, actor, params.imageId ?? '', params.commentId ?? '', body.resolved),
);

export const getProjectAnnotationStatus = withOrg(
  { method: 'GET', path: `${PRJ}/annotations/status`, summary: 'Review status and annotation count of every image', permission: 'annotations:read' },
  ({ db, actor, params }) => listImageReviewStatuses(db, actor, params.projectId ?? ''),
);

export const patchAnnotationSettings = withOrg(
  { method: 'PATCH', path: `${PRJ}/annotations/settings`, summary: 'Whether training uses only approved images', permission: 'projects:manage', body: z.object({ trainOnApprovedOnly: z.boolean() }) },
  ({ db, actor, params, body }) => updateAnnotationSettings(db, actor, params.projectId ?? '', body),
);

export const getProjectChecks = withOrg(
  { method: 'GET', path: `${PRJ}/annotations/checks`, summary: 'Checks before training over the images training would use', permission: 'annotations:read', query: Thresholds },
  ({ db, actor, params, query }) => checkBeforeTraining(db, actor, { projectId: params.projectId ?? '', ...query }),
);

export const getProjectExport = withOrg(
  {
    method: 'GET',
    path: `${PRJ}/annotations/export`,
    summary: 'Download a project as COCO JSON, GeoJSON, or a ZIP of label / instance mask TIFFs (one per annotated image); approvedOnly=true keeps approved images only',
    permission: 'annotations:read',
    query: z.object({ format: z.enum(['coco', 'geojson', 'labels-tiff', 'instances-tiff']).default('coco'), approvedOnly: z.enum(['true', 'false']).default('false') }),
  },
  ({ db, actor, params, query }) => {
    const projectId = params.projectId ?? '';
    const opts = { approvedOnly: query.approvedOnly === 'true' };
    if (query.format === 'coco' || query.format === 'geojson') return exportProjectAnnotations(db, actor, projectId, query.format, opts);
    return exportProjectMasks(db, actor, projectId, query.format === 'labels-tiff' ? 'labels' : 'instances', opts);
  },
);
