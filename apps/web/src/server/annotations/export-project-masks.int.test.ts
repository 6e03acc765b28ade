import '../../../test/setup-env';
import { describe, expect, it } from 'vitest';
import { readTiff } from '@tessera/imaging';
import { getImageExport, getProjectExport, postAnnotationOps, postReview } from '@/server/api/endpoints/annotations';
import { db } from '@/server/context';
import { callRoute, ORIGIN, type Handler } from '../../../test/call-route';
import { orgWithMembers } from '../../../test/api-fixture';
import { annotationFixture, boxOp, strokeOp, uid } from './test-fixture';
import { readStoredZip } from './testing/read-stored-zip';

/** GET a download the way Next.js calls the handler; the body as bytes. */
async function download(handler: Handler, params: Record<string, string>, query: string, auth: { session: string }) {
  const res = await handler(new Request(`${ORIGIN}/x?${query}`, { headers: { cookie: auth.session, host: 'tessera.test' } }), { params: Promise.resolve(params) });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: new Uint8Array(await res.arrayBuffer()) };
}

const pixels = (tiff: Uint8Array) => {
  const t = readTiff(tiff);
  return { dtype: t.dtype, width: t.width, height: t.height, data: Array.from(t.planes[0]!.data) };
};

async function addImage(orgId: string, projectId: string, name: string, width: number, height: number) {
  const img = await db().image.create({
    data: { organizationId: orgId, projectId, name, status: 'READY', sizeBytes: 1n, sourceKey: `test/${uid()}`, partSize: 1, partCount: 1, width, height, sizeC: 1, dtype: 'uint8' },
  });
  return img.id;
}

describe('project mask export (labels-tiff / instances-tiff)', () => {
  it('zips one TIFF per annotated image, equal pixel for pixel to the per-image export, with classes.json and images.json', async () => {
    const f = await annotationFixture('INSTANCE', { width: 20, height: 10 });
    const a = f.members.ANNOTATOR!.auth;
    const prj = { orgId: f.orgId, projectId: f.projectId };
    const empty = await download(getProjectExport, prj, 'format=labels-tiff', a);
    expect(empty.status).toBe(409);
    expect(JSON.parse(new TextDecoder().decode(empty.bytes)).error.message).toMatch(/No image of this project has annotations/);

    const second = await addImage(f.orgId, f.projectId, 'cells.ome.tif', 16, 12); // same base name as cells.tif
    await addImage(f.orgId, f.projectId, '../../unannotated.tif', 8, 8); // no annotations: not exported
    const ops1 = [strokeOp(f.background, [0, 8.5, 20, 8.5], 1), boxOp(f.nucleus, 2, 2, 6, 6, 'polygon'), boxOp(f.nucleus, 10, 1, 14, 5)];
    const ops2 = [boxOp(f.nucleus, 1, 1, 5, 5), boxOp(f.nucleus, 4, 4, 9, 10), strokeOp(f.background, [0, 11, 16, 11], 2)];
    for (const [imageId, ops] of [[f.imageId, ops1], [second, ops2]] as const) {
      const r = await callRoute(postAnnotationOps, { method: 'POST', params: { orgId: f.orgId, imageId }, auth: a, body: { ops } });
      expect(r.json.results.map((x: { status: string }) => x.status)).toEqual(['applied', 'applied', 'applied']);
    }

    for (const kind of ['labels', 'instances'] as const) {
      const res = await download(getProjectExport, prj, `format=${kind}-tiff`, a);
      expect(res.status).toBe(200);
      expect(res.type).toBe('application/zip');
      expect(res.disposition).toMatch(new RegExp(`filename="Cells_[0-9a-f]{6}_${kind}\\.zip"`));
      const entries = readStoredZip(res.bytes);
      expect(entries.map((e) => e.name)).toEqual(['classes.json', 'images.json', `cells_${kind}.tif`, `cells_2_${kind}.tif`]);
      const classes = JSON.parse(new TextDecoder().decode(entries[0]!.data));
      expect(classes).toEqual({
        mask: kind,
        dtype: kind === 'labels' ? 'uint16' : 'uint32',
        unlabelled: 0,
        classes: [{ index: 1, name: 'Background', color: '#333333', background: true }, { index: 2, name: 'Nucleus', color: '#ff0000', background: false }],
      });
      const manifest = JSON.parse(new TextDecoder().decode(entries[1]!.data)).images;
      expect(manifest.map((m: { file: string; imageId: string; name: string; annotations: number }) => [m.file, m.imageId, m.name, m.annotations])).toEqual([
        [`cells_${kind}.tif`, f.imageId, 'cells.tif', 3],
        [`cells_2_${kind}.tif`, second, 'cells.ome.tif', 3],
      ]);
      for (const [k, imageId] of [f.imageId, second].entries()) {
        const single = await download(getImageExport, { orgId: f.orgId, imageId }, `format=${kind}-tiff`, a);
        expect(single.status).toBe(200);
        const got = pixels(entries[2 + k]!.data);
        expect(got).toEqual(pixels(single.bytes));
        expect(got.dtype).toBe(kind === 'labels' ? 'uint16' : 'uint32');
        // the masks really hold the annotations: both classes; image 1 has one instance (the box), image 2 two
        const values = [...new Set(got.data)].sort();
        expect(values).toEqual(kind === 'labels' ? [0, 1, 2] : k === 0 ? [0, 1] : [0, 1, 2]);
      }
      if (kind === 'instances') {
        const ids = [ops2[0]!.annotation.id, ops2[1]!.annotation.id];
        expect(manifest[1].instances).toEqual([{ value: 1, annotationId: ids[0], classIndex: 2 }, { value: 2, annotationId: ids[1], classIndex: 2 }]);
      }
    }
  });

  it('approvedOnly=true keeps approved images; other organisations get 404', async () => {
    const f = await annotationFixture('SEMANTIC', { width: 12, height: 12 });
    const a = f.members.ANNOTATOR!.auth;
    const prj = { orgId: f.orgId, projectId: f.projectId };
    const second = await addImage(f.orgId, f.projectId, 'other.png', 12, 12);
    for (const imageId of [f.imageId, second]) {
      await callRoute(postAnnotationOps, { method: 'POST', params: { orgId: f.orgId, imageId }, auth: a, body: { ops: [strokeOp(f.nucleus, [1, 1, 10, 10])] } });
    }
    const none = await download(getProjectExport, prj, 'format=labels-tiff&approvedOnly=true', a);
    expect(none.status).toBe(409);
    expect(JSON.parse(new TextDecoder().decode(none.bytes)).error.message).toMatch(/No approved image/);
    await callRoute(postReview, { method: 'POST', params: { orgId: f.orgId, imageId: second }, auth: a, body: { action: 'submit' } });
    const ok = await callRoute(postReview, { method: 'POST', params: { orgId: f.orgId, imageId: second }, auth: f.members.REVIEWER!.auth, body: { action: 'approve' } });
    expect(ok.json.status).toBe('APPROVED');
    const approved = readStoredZip((await download(getProjectExport, prj, 'format=labels-tiff&approvedOnly=true', a)).bytes);
    expect(approved.map((e) => e.name)).toEqual(['classes.json', 'images.json', 'other_labels.tif']);
    expect(readStoredZip((await download(getProjectExport, prj, 'format=labels-tiff', a)).bytes)).toHaveLength(4);

    const bad = await download(getProjectExport, prj, 'format=labels-tiff&approvedOnly=yes', a);
    expect(bad.status).toBe(400);
    const outsider = await orgWithMembers();
    for (const params of [prj, { orgId: outsider.orgId, projectId: f.projectId }]) {
      const r = await download(getProjectExport, params, 'format=instances-tiff', outsider.owner.auth);
      expect(r.status).toBe(404);
    }
  });
});
