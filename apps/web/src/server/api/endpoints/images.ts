import { z } from 'zod';
import { db, redis, storage } from '../../context';
import { env } from '../../env';
import { ImageSchema } from '../../images/image-dto';
import { deleteImage, getImage, listImages } from '../../images/manage-images';
import { completeUpload, createImageUpload, getUploadState, presignParts, recordPart } from '../../images/manage-uploads';
import { answerImageFile, serveImageFile } from '../../images/serve-image-file';
import { withSignedUrl } from '../../images/signed-route';
import { withOrg } from '../endpoint';
import { NameSchema } from '../schemas';

const BASE = '/api/v1/orgs/{orgId}/projects/{projectId}/images';
const deps = () => ({ db: db(), storage: storage(), secret: env().AUTH_SECRET });
const UploadSchema = z.object({ image: ImageSchema, upload: z.object({ partSize: z.number(), partCount: z.number(), partsDone: z.array(z.number()) }) });

export const getImages = withOrg(
  { method: 'GET', path: BASE, summary: "A project's images (status, sizes, channels, thumbnails)", permission: 'images:read', response: z.object({ images: z.array(ImageSchema) }) },
  async ({ actor, params }) => ({ images: await listImages(db(), env().AUTH_SECRET, actor, params.projectId ?? '') }),
);

export const postImage = withOrg(
  {
    method: 'POST',
    path: BASE,
    summary: 'Start an upload: creates the image and an S3 multipart upload (then presign parts, PUT them, record each, complete)',
    permission: 'images:write',
    body: z.object({
      name: NameSchema.pipe(z.string().max(255)),
      sizeBytes: z.number().int().positive('must be more than 0 bytes'),
      contentType: z.string().max(100).optional(),
    }),
    response: UploadSchema,
    successStatus: 201,
  },
  ({ actor, params, body }) => createImageUpload(deps(), actor, params.projectId ?? '', body, { maxBytes: env().IMAGE_MAX_BYTES }),
);

export const getImageById = withOrg(
  { method: 'GET', path: `${BASE}/{imageId}`, summary: 'An image with its metadata, histograms and signed pyramid URL', permission: 'images:read', response: ImageSchema },
  ({ actor, params }) => getImage(db(), env().AUTH_SECRET, actor, params.projectId ?? '', params.imageId ?? ''),
);

export const deleteImageById = withOrg(
  { method: 'DELETE', path: `${BASE}/{imageId}`, summary: 'Delete an image and all its objects in storage', permission: 'images:delete' },
  async ({ actor, params }) => {
    await deleteImage(db(), storage(), actor, params.projectId ?? '', params.imageId ?? '');
  },
);

export const getUpload = withOrg(
  { method: 'GET', path: `${BASE}/{imageId}/upload`, summary: 'Upload progress: part size and the parts already stored (to resume)', permission: 'images:read', response: UploadSchema },
  ({ actor, params }) => getUploadState(deps(), actor, params.projectId ?? '', params.imageId ?? ''),
);

export const postUploadParts = withOrg(
  {
    method: 'POST',
    path: `${BASE}/{imageId}/upload/parts`,
    summary: 'Presigned PUT URLs for parts (valid 1 h)',
    permission: 'images:write',
    body: z.object({ partNumbers: z.array(z.number().int().min(1)).min(1).max(100) }),
    response: z.object({ parts: z.array(z.object({ partNumber: z.number(), url: z.string() })) }),
  },
  ({ actor, params, body }) => presignParts(deps(), actor, params.projectId ?? '', params.imageId ?? '', body.partNumbers),
);

export const putUploadPart = withOrg(
  {
    method: 'PUT',
    path: `${BASE}/{imageId}/upload/parts`,
    summary: "Record a stored part: S3's ETag must equal the MD5 of the bytes sent",
    permission: 'images:write',
    body: z.object({
      partNumber: z.number().int().min(1).max(10_000),
      etag: z.string().min(1).max(200),
      md5: z.string().regex(/^[0-9a-fA-F]{32}$/, 'must be a hex MD5'),
      sizeBytes: z.number().int().min(1),
    }),
    response: z.object({ partNumber: z.number(), recorded: z.boolean() }),
  },
  ({ actor, params, body }) => recordPart(deps(), actor, params.projectId ?? '', params.imageId ?? '', body),
);

export const postUploadComplete = withOrg(
  { method: 'POST', path: `${BASE}/{imageId}/upload/complete`, summary: 'Finish the upload and queue ingest (image.ingest)', permission: 'images:write', response: ImageSchema },
  ({ actor, params }) => completeUpload(deps(), redis(), actor, params.projectId ?? '', params.imageId ?? ''),
);

const imageFileDeps = () => ({ storage: storage(), secret: env().AUTH_SECRET });
const fileParams = (p: Record<string, string>) => ({ orgId: p.orgId ?? '', imageId: p.imageId ?? '', path: p.path ?? '' });

export const getImageFile = Object.assign(
  withSignedUrl(
    { method: 'GET', path: `${BASE}/{imageId}/files/{...path}`, summary: 'A pyramid chunk, pyramid metadata or the thumbnail, by signed URL (from zarrUrl / thumbnailUrl); cacheable' },
    (req, params) => serveImageFile(imageFileDeps(), req, fileParams(params)),
  ),
  {
    /** The same answer without Request/Response objects: the production server's fast route (the viewer's hottest request). */
    answer: (params: Record<string, string>, query: URLSearchParams) => answerImageFile(imageFileDeps(), fileParams(params), query.get('exp'), query.get('sig')),
  },
);
