import { orgKey, type Storage } from '@tessera/storage';
import { checkSignature, SIGNED_URL_WINDOW_S } from './signed-url';

/** Cache policy S3 sends with the bytes (fixed, so the presigned URL is the same all window). */
const S3_CACHE = `private, max-age=${SIGNED_URL_WINDOW_S}, immutable`;

const CHUNK_PATH = /^zarr\/(\.zattrs|\.zgroup|\d{1,2}\/\.zarray|\d{1,2}\/\d{1,5}\/\d{1,5}\/\d{1,5}\/\d{1,6}\/\d{1,6})$/;

/** An answer independent of the HTTP stack: the Next route wraps it in a Response, the production server writes it. */
export interface FileAnswer {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

const plain = (status: number, message: string): FileAnswer => ({
  status,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  body: JSON.stringify({ error: { code: status === 404 ? 'NOT_FOUND' : status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', message } }),
});

type FileDeps = { storage: Storage; secret: string };
type FileParams = { orgId: string; imageId: string; path: string };

/**
 * Serves one object of a READY image (a pyramid chunk, its metadata or the thumbnail) behind a signed URL: no
 * database or session work per chunk. The key is rebuilt from the verified org and image ids (never taken from the
 * client), so a signature for one image opens nothing else. The answer is a redirect to a presigned S3 GET for that
 * one key, expiring with our URL: the bytes come straight from S3 (which scales), and both the redirect and the S3
 * response are `private, immutable` until expiry, with URLs stable for the whole window, so browsers cache them.
 */
export async function answerImageFile(deps: FileDeps, params: FileParams, expParam: string | null, sig: string | null): Promise<FileAnswer> {
  const check = checkSignature(deps.secret, params.orgId, params.imageId, expParam, sig);
  if (check === 'missing') return plain(401, 'This link needs a signature; open the image from Tessera.');
  if (check !== 'ok') return plain(403, check === 'expired' ? 'This image link has expired; reload the page.' : 'This image link is not valid.');
  const path = params.path;
  if (path !== 'thumbnail.png' && !CHUNK_PATH.test(path)) return plain(404, 'No such image file.');
  const key = `${orgKey(params.orgId, 'images', params.imageId)}/${path}`;
  const exp = Number(expParam);
  const maxAge = Math.max(0, exp - Math.floor(Date.now() / 1000));
  const cache = `private, max-age=${maxAge}, immutable`;
  // Signed for the same window as our own URL (fixed signing date), so the S3 URL is stable and browser-cacheable.
  const signedAt = new Date((exp - 2 * SIGNED_URL_WINDOW_S) * 1000);
  const location = await deps.storage.fastPresignGet(key, {
    expiresIn: Math.max(1, exp - Math.floor(signedAt.getTime() / 1000)), signingDate: signedAt,
    query: { 'response-cache-control': S3_CACHE, 'response-content-type': contentType(path) },
  });
  return { status: 302, headers: { location, 'cache-control': cache, 'referrer-policy': 'no-referrer' } };
}

/** The same as a Response, for the Next route. */
export async function serveImageFile(deps: FileDeps, req: Request, params: FileParams): Promise<Response> {
  const url = new URL(req.url);
  const a = await answerImageFile(deps, params, url.searchParams.get('exp'), url.searchParams.get('sig'));
  return new Response(a.body ?? null, { status: a.status, headers: a.headers });
}

function contentType(path: string): string {
  return path === 'thumbnail.png' ? 'image/png' : path.includes('.z') ? 'application/json' : 'application/octet-stream';
}
