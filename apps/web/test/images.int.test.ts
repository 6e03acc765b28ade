import './setup-env';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getQueue, INGEST_IMAGE } from '@tessera/jobs';
import { getObjectBytes, orgKey, putObject } from '@tessera/storage';
import { db, redis, storage } from '@/server/context';
import { postProject } from '@/server/api/endpoints/projects';
import {
  deleteImageById, getImageById, getImageFile, getImages, getUpload, postImage, postUploadComplete, postUploadParts, putUploadPart,
} from '@/server/api/endpoints/images';
import { callRoute, type Credentials } from './call-route';
import { orgWithMembers } from './api-fixture';

const BBBC = join(import.meta.dirname, '../../../../shared/data/nuclei-bbbc039/images');
const md5 = (b: Uint8Array) => createHash('md5').update(b).digest('hex');

async function projectFor(auth: Credentials, orgId: string) {
  const p = await callRoute(postProject, { method: 'POST', params: { orgId }, auth, body: { name: `Imgs ${Date.now()}` } });
  return { orgId, projectId: p.json.id as string };
}

/** The browser's side of an upload: presign, PUT straight to S3, record with the MD5, complete. */
async function uploadParts(auth: Credentials, params: Record<string, string>, bytes: Uint8Array, partSize: number, parts: number[]) {
  const urls = await callRoute(postUploadParts, { method: 'POST', params, auth, body: { partNumbers: parts } });
  expect(urls.status).toBe(200);
  for (const { partNumber, url } of urls.json.parts as { partNumber: number; url: string }[]) {
    const body = bytes.subarray((partNumber - 1) * partSize, partNumber * partSize);
    const put = await fetch(url, { method: 'PUT', body: Buffer.from(body) });
    expect(put.status).toBe(200);
    const rec = await callRoute(putUploadPart, { method: 'PUT', params, auth, body: { partNumber, etag: put.headers.get('etag'), md5: md5(body), sizeBytes: body.length } });
    expect(rec.status, rec.text).toBe(200);
  }
}

describe('images API: resumable multipart upload, ingest queue, signed chunk URLs, delete', () => {
  it('uploads in parts, resumes from the recorded parts, checks checksums, completes and queues image.ingest', async () => {
    const { orgId, owner } = await orgWithMembers();
    const base = await projectFor(owner.auth, orgId);
    const file = new Uint8Array(readFileSync(join(BBBC, readdirSync(BBBC).sort()[0]!)));
    const bytes = new Uint8Array(17 * 2 ** 20 + file.length); // 2 parts of 16 MiB
    bytes.set(file);
    const created = await callRoute(postImage, { method: 'POST', params: base, auth: owner.auth, body: { name: 'big.tif', sizeBytes: bytes.length } });
    expect(created.status, created.text).toBe(201);
    expect(created.json.upload).toMatchObject({ partSize: 16 * 2 ** 20, partCount: 2, partsDone: [] });
    expect(created.json.image.status).toBe('UPLOADING');
    const params = { ...base, imageId: created.json.image.id as string };

    await uploadParts(owner.auth, params, bytes, 16 * 2 ** 20, [2]);
    // "Reload": the state says which parts are stored; completing early is refused with what is missing.
    expect((await callRoute(getUpload, { params, auth: owner.auth })).json.upload.partsDone).toEqual([2]);
    const early = await callRoute(postUploadComplete, { method: 'POST', params, auth: owner.auth });
    expect(early.status).toBe(409);
    expect(early.json.error.details.missing).toEqual([1]);

    // A part whose bytes do not match the browser's checksum is refused.
    const urls = await callRoute(postUploadParts, { method: 'POST', params, auth: owner.auth, body: { partNumbers: [1] } });
    const part1 = bytes.subarray(0, 16 * 2 ** 20);
    const put = await fetch(urls.json.parts[0].url, { method: 'PUT', body: Buffer.from(part1) });
    const bad = await callRoute(putUploadPart, { method: 'PUT', params, auth: owner.auth, body: { partNumber: 1, etag: put.headers.get('etag'), md5: md5(part1.subarray(1)), sizeBytes: part1.length } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/checksum/);

    await uploadParts(owner.auth, params, bytes, 16 * 2 ** 20, [1]);
    const done = await callRoute(postUploadComplete, { method: 'POST', params, auth: owner.auth });
    expect(done.status, done.text).toBe(200);
    expect(done.json.status).toBe('QUEUED');
    const row = await db().image.findUniqueOrThrow({ where: { id: params.imageId } });
    expect(md5(await getObjectBytes(storage(), row.sourceKey))).toBe(md5(bytes));
    const job = await getQueue(redis(), INGEST_IMAGE.queue).getJob(params.imageId);
    expect(job?.name).toBe('image.ingest');
    expect(job?.data).toEqual({ organizationId: orgId, imageId: params.imageId });
    expect((await callRoute(postUploadParts, { method: 'POST', params, auth: owner.auth, body: { partNumbers: [1] } })).status).toBe(409);
  });

  it('refuses files over the size limit with a clear message, and viewers cannot upload', async () => {
    const { orgId, owner, members } = await orgWithMembers(['VIEWER']);
    const base = await projectFor(owner.auth, orgId);
    const r = await callRoute(postImage, { method: 'POST', params: base, auth: owner.auth, body: { name: 'huge.tif', sizeBytes: 60 * 2 ** 30 } });
    expect(r.status).toBe(413);
    expect(r.json.error.message).toMatch(/huge\.tif" is 60 GiB; files up to 50 GiB/);
    expect((await callRoute(postImage, { method: 'POST', params: base, auth: members.VIEWER!.auth, body: { name: 'a.tif', sizeBytes: 10 } })).status).toBe(403);
  });

  it('serves pyramid files only through unexpired signed URLs for that image, cacheably; delete removes the S3 objects', async () => {
    const { orgId, owner } = await orgWithMembers();
    const base = await projectFor(owner.auth, orgId);
    const mk = async (name: string) => {
      const c = await callRoute(postImage, { method: 'POST', params: base, auth: owner.auth, body: { name, sizeBytes: 10 } });
      const id = c.json.image.id as string;
      const prefix = orgKey(orgId, 'images', id, 'zarr');
      await putObject(storage(), `${prefix}/0/0/0/0/0/0`, new Uint8Array([1, 2, 3, 4]));
      await putObject(storage(), orgKey(orgId, 'images', id, 'thumbnail.png'), new Uint8Array([137, 80, 78, 71]), 'image/png');
      await db().image.update({ where: { id }, data: { status: 'READY', zarrPrefix: prefix, thumbnailKey: orgKey(orgId, 'images', id, 'thumbnail.png') } });
      return { ...base, imageId: id };
    };
    const a = await mk('a.tif');
    const b = await mk('b.tif');
    const img = await callRoute(getImageById, { params: a, auth: owner.auth });
    expect(img.status).toBe(200);
    const zarrUrl = img.json.zarrUrl as string;
    /** GET a file of `params`' image with the query (exp, sig) of a signed URL, like the browser does (no cookie), following the redirect to S3. */
    const fileAt = async (url: string, path: string, params = a) => {
      const { search } = new URL(url, 'http://tessera.test');
      const req = new Request(`http://tessera.test/api/v1/orgs/${params.orgId}/projects/${params.projectId}/images/${params.imageId}/files/${path}${search}`);
      const res = await getImageFile(req, { params: Promise.resolve({ ...params, path }) });
      if (res.status !== 302) return { status: res.status, headers: res.headers, text: await res.text(), location: null };
      const s3 = await fetch(res.headers.get('location')!);
      return { status: s3.status, headers: s3.headers, text: await s3.text(), location: res.headers.get('location'), redirect: res.headers };
    };
    const ok = await fileAt(zarrUrl, 'zarr/0/0/0/0/0/0');
    expect(ok.status).toBe(200);
    expect(ok.text).toBe('\x01\x02\x03\x04');
    expect(ok.redirect!.get('cache-control')).toMatch(/^private, max-age=\d+, immutable$/);
    expect(ok.headers.get('cache-control')).toBe('private, max-age=3600, immutable');
    expect(ok.headers.get('etag')).toBeTruthy();
    expect(ok.location).toContain(`org/${orgId}/images/${a.imageId}/zarr/0/0/0/0/0/0`);
    // The same chunk gives the same S3 URL all window long (browser cache hits), and it expires with ours.
    expect((await fileAt(zarrUrl, 'zarr/0/0/0/0/0/0')).location).toBe(ok.location);
    const s3url = new URL(ok.location!);
    const s3Expiry = Date.parse(s3url.searchParams.get('X-Amz-Date')!.replace(/(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z/, '$1-$2-$3T$4:$5:$6Z')) + Number(s3url.searchParams.get('X-Amz-Expires')) * 1000;
    expect(s3Expiry).toBe(Number(new URL(zarrUrl, 'http://t').searchParams.get('exp')) * 1000);
    expect((await fileAt(img.json.thumbnailUrl, 'thumbnail.png')).status).toBe(200);
    // Image a's signature opens nothing of image b; no signature → 401; a tampered one → 403; odd paths → 404.
    expect((await fileAt(zarrUrl, 'zarr/0/0/0/0/0/0', b)).status).toBe(403);
    expect((await fileAt('/no-query', 'zarr/0/0/0/0/0/0')).status).toBe(401);
    expect((await fileAt(zarrUrl.replace(/sig=./, 'sig=A'), 'zarr/0/0/0/0/0/0')).status).toBe(403);
    expect((await fileAt(zarrUrl, 'source')).status).toBe(404);
    expect((await fileAt(zarrUrl, 'zarr/../source')).status).toBe(404);

    const list = await callRoute(getImages, { params: base, auth: owner.auth });
    expect(list.json.images.map((i: { name: string }) => i.name).sort()).toEqual(['a.tif', 'b.tif']);
    expect((await callRoute(deleteImageById, { method: 'DELETE', params: a, auth: owner.auth })).status).toBe(204);
    await expect(getObjectBytes(storage(), orgKey(orgId, 'images', a.imageId, 'zarr', '0', '0', '0', '0', '0', '0'))).rejects.toThrow();
    expect(await db().image.count({ where: { id: a.imageId } })).toBe(0);
    expect((await callRoute(getImageById, { params: a, auth: owner.auth })).status).toBe(404);
  });
});
