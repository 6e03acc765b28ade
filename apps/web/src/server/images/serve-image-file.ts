import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { Db } from '@tessera/db';
import { orgKey, type Storage } from '@tessera/storage';
import { checkSignature } from './signed-url';

const CHUNK_PATH = /^zarr\/(\.zattrs|\.zgroup|\d{1,2}\/\.zarray|\d{1,2}\/\d{1,5}\/\d{1,5}\/\d{1,5}\/\d{1,6}\/\d{1,6})$/;

const plain = (status: number, message: string) =>
  Response.json({ error: { code: status === 404 ? 'NOT_FOUND' : status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', message } }, { status, headers: { 'cache-control': 'no-store' } });

/**
 * Serves one object of a READY image (a pyramid chunk, its metadata or the thumbnail) behind a signed URL: no
 * database or session work per chunk, so the viewer's many parallel requests stay fast. The key is rebuilt from the
 * verified org and image ids (never taken from the client), so a signature for one image opens nothing else.
 * Responses are private and immutable until the URL expires; If-None-Match is answered with 304.
 */
export async function serveImageFile(
  deps: { storage: Storage; secret: string; db?: Db }, req: Request, params: { orgId: string; imageId: string; path: string },
): Promise<Response> {
  const url = new URL(req.url);
  const check = checkSignature(deps.secret, params.orgId, params.imageId, url.searchParams.get('exp'), url.searchParams.get('sig'));
  if (check === 'missing') return plain(401, 'This link needs a signature; open the image from Tessera.');
  if (check !== 'ok') return plain(403, check === 'expired' ? 'This image link has expired; reload the page.' : 'This image link is not valid.');
  const path = params.path;
  if (path !== 'thumbnail.png' && !CHUNK_PATH.test(path)) return plain(404, 'No such image file.');
  const key = `${orgKey(params.orgId, 'images', params.imageId)}/${path}`;
  const maxAge = Math.max(0, Number(url.searchParams.get('exp')) - Math.floor(Date.now() / 1000));
  const cache = `private, max-age=${maxAge}, immutable`;
  const ifNoneMatch = req.headers.get('if-none-match');
  try {
    const out = await deps.storage.s3.send(new GetObjectCommand({ Bucket: deps.storage.bucket, Key: key, IfNoneMatch: ifNoneMatch ?? undefined }));
    const headers: Record<string, string> = {
      'content-type': path === 'thumbnail.png' ? 'image/png' : path.includes('.z') ? 'application/json' : 'application/octet-stream',
      'cache-control': cache,
      'x-content-type-options': 'nosniff',
    };
    if (out.ETag) headers.etag = out.ETag;
    if (out.ContentLength !== undefined) headers['content-length'] = String(out.ContentLength);
    return new Response(out.Body!.transformToWebStream(), { status: 200, headers });
  } catch (e) {
    const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 304) return new Response(null, { status: 304, headers: { 'cache-control': cache, etag: ifNoneMatch ?? '' } });
    if (status === 404 || (e as Error).name === 'NoSuchKey') return plain(404, 'No such image file.');
    throw e;
  }
}
