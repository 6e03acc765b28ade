import '../../../test/setup-env';
import { describe, expect, it } from 'vitest';
import { rasteriseAnnotations } from '@tessera/annotations';
import { readTiff } from '@tessera/imaging';
import {
  getAnnotationOps, getImageAnnotations, getImageChecks, getImageExport, getProjectAnnotationStatus, getProjectChecks, postAnnotationOps, postReview,
} from '@/server/api/endpoints/annotations';
import { db } from '@/server/context';
import { callRoute } from '../../../test/call-route';
import { annotationFixture, boxOp, strokeOp, uid } from './test-fixture';

describe('annotation ops', () => {
  it('saves a stroke once: a replayed key is a duplicate, the row and the op exist once', async () => {
    const f = await annotationFixture();
    const params = { orgId: f.orgId, imageId: f.imageId };
    const auth = f.members.ANNOTATOR!.auth;
    const op = strokeOp(f.nucleus, [1, 1, 10, 10, 20, 5]);
    const first = await callRoute(postAnnotationOps, { method: 'POST', params, auth, body: { ops: [op] } });
    expect(first.status).toBe(200);
    expect(first.json.results[0]).toMatchObject({ status: 'applied', seq: 1, annotation: { id: op.annotation.id, version: 1, zOrder: 1, kind: 'brush' } });
    const again = await callRoute(postAnnotationOps, { method: 'POST', params, auth, body: { ops: [op, op] } });
    expect(again.json.results.map((r: { status: string; seq: number }) => [r.status, r.seq])).toEqual([['duplicate', 1], ['duplicate', 1]]);
    expect(await db().annotation.count({ where: { imageId: f.imageId } })).toBe(1);
    expect(await db().annotationOp.count({ where: { imageId: f.imageId } })).toBe(1);
    const list = await callRoute(getImageAnnotations, { params, auth });
    expect(list.json).toMatchObject({ seq: 1, status: 'IN_PROGRESS', annotations: [{ id: op.annotation.id, geometry: op.annotation.geometry }] });
  });

  it('versions: a stale update is a conflict and changes nothing; delete/restore; the log replays in order', async () => {
    const f = await annotationFixture();
    const params = { orgId: f.orgId, imageId: f.imageId };
    const a = f.members.ANNOTATOR!.auth, r = f.members.REVIEWER!.auth;
    const c = boxOp(f.nucleus, 2, 2, 10, 10);
    const id = c.annotation.id;
    await callRoute(postAnnotationOps, { method: 'POST', params, auth: a, body: { ops: [c] } });
    const moved = { type: 'update', key: uid(), annotationId: id, baseVersion: 1, patch: { geometry: { type: 'polygon', rings: [[4, 4, 12, 4, 12, 12]] } } };
    const u1 = await callRoute(postAnnotationOps, { method: 'POST', params, auth: r, body: { ops: [moved] } });
    expect(u1.json.results[0]).toMatchObject({ status: 'applied', seq: 2, annotation: { version: 2, geometry: moved.patch.geometry } });
    const stale = { type: 'update', key: uid(), annotationId: id, baseVersion: 1, patch: { labelClassId: f.background } };
    const u2 = await callRoute(postAnnotationOps, { method: 'POST', params, auth: a, body: { ops: [stale] } });
    expect(u2.json.results[0]).toMatchObject({ status: 'conflict', annotation: { version: 2, labelClassId: f.nucleus } });
    const del = await callRoute(postAnnotationOps, {
      method: 'POST', params, auth: a,
      body: { ops: [{ type: 'delete', key: uid(), annotationId: id, baseVersion: 2 }, { type: 'restore', key: uid(), annotationId: id, baseVersion: 3 }] },
    });
    expect(del.json.results.map((x: { status: string; seq: number }) => [x.status, x.seq])).toEqual([['applied', 3], ['applied', 4]]);
    const log = await callRoute(getAnnotationOps, { params, auth: a, path: '/?after=1' });
    expect(log.json.ops.map((o: { seq: number; opType: string; annotation: { deleted: boolean; version: number } }) => [o.seq, o.opType, o.annotation.version, o.annotation.deleted])).toEqual([
      [2, 'update', 2, false], [3, 'delete', 3, true], [4, 'restore', 4, false],
    ]);
  });

  it('refuses bad input with a message, foreign classes, and writes from viewers', async () => {
    const f = await annotationFixture();
    const params = { orgId: f.orgId, imageId: f.imageId };
    const bad = await callRoute(postAnnotationOps, { method: 'POST', params, auth: f.members.ANNOTATOR!.auth, body: { ops: [{ ...strokeOp(f.nucleus, [1, 2, 3]) }] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/pairs/);
    const foreign = await callRoute(postAnnotationOps, { method: 'POST', params, auth: f.members.ANNOTATOR!.auth, body: { ops: [strokeOp('not-a-class', [1, 2])] } });
    expect(foreign.json.results[0]).toMatchObject({ status: 'rejected', message: expect.stringMatching(/label class/) });
    const viewer = await callRoute(postAnnotationOps, { method: 'POST', params, auth: f.members.VIEWER!.auth, body: { ops: [strokeOp(f.nucleus, [1, 2])] } });
    expect(viewer.status).toBe(403);
    expect((await callRoute(getImageAnnotations, { params, auth: f.members.VIEWER!.auth })).status).toBe(200);
    expect(await db().annotation.count({ where: { imageId: f.imageId } })).toBe(0);
  });
});

describe('review, checks, export', () => {
  it('round trip: submit → changes requested with a pinned comment → submit → approve; editing reopens it', async () => {
    const f = await annotationFixture();
    const params = { orgId: f.orgId, imageId: f.imageId };
    const a = f.members.ANNOTATOR!.auth, r = f.members.REVIEWER!.auth;
    const review = (auth: typeof a, body: object) => callRoute(postReview, { method: 'POST', params, auth, body });
    expect((await review(a, { action: 'submit' })).json.status).toBe('SUBMITTED');
    expect((await review(a, { action: 'approve' })).status).toBe(403);
    const changes = await review(r, { action: 'request_changes', comment: { body: 'Missed the nucleus here', x: 30, y: 20 } });
    expect(changes.json).toMatchObject({ status: 'CHANGES_REQUESTED', comment: { body: 'Missed the nucleus here', x: 30, y: 20, resolved: false } });
    expect((await review(r, { action: 'approve' })).status).toBe(409);
    await review(a, { action: 'submit' });
    expect((await review(r, { action: 'approve' })).json.status).toBe('APPROVED');
    const st = await callRoute(getProjectAnnotationStatus, { params: { orgId: f.orgId, projectId: f.projectId }, auth: a });
    expect(st.json.images).toEqual([expect.objectContaining({ id: f.imageId, reviewStatus: 'APPROVED' })]);
    await callRoute(postAnnotationOps, { method: 'POST', params, auth: a, body: { ops: [strokeOp(f.nucleus, [3, 3])] } });
    expect((await callRoute(getImageAnnotations, { params, auth: a })).json.status).toBe('IN_PROGRESS');
  });

  it('checks list the problems with places; project checks honour "approved only"', async () => {
    const f = await annotationFixture('INSTANCE', { width: 40, height: 30 });
    const params = { orgId: f.orgId, imageId: f.imageId };
    const a = f.members.ANNOTATOR!.auth;
    await callRoute(postAnnotationOps, { method: 'POST', params, auth: a, body: { ops: [boxOp(f.nucleus, 5, 5, 10, 10), boxOp(f.nucleus, 10, 5, 15, 10), boxOp(f.nucleus, 0, 20, 4, 25)] } });
    const c = await callRoute(getImageChecks, { params, auth: a });
    expect(c.json.ok).toBe(false);
    expect(c.json.issues.map((i: { code: string }) => i.code).sort()).toEqual(['CLASS_TOO_FEW_OBJECTS', 'CLASS_TOO_SMALL', 'CLASS_TOO_SMALL', 'CUT_BY_EDGE', 'INSTANCES_TOUCHING', 'NO_BACKGROUND']);
    expect(c.json.issues.find((i: { code: string }) => i.code === 'INSTANCES_TOUCHING')).toMatchObject({ imageId: f.imageId, at: { x: 9.5, y: 5.5 } });
    await db().project.update({ where: { id: f.projectId }, data: { trainOnApprovedOnly: true } });
    const pc = await callRoute(getProjectChecks, { params: { orgId: f.orgId, projectId: f.projectId }, auth: a });
    expect(pc.json).toMatchObject({ images: 0, trainOnApprovedOnly: true });
  });

  it('exports a label-mask TIFF equal to the rasteriser, an instance TIFF, COCO and GeoJSON', async () => {
    const f = await annotationFixture('INSTANCE', { width: 20, height: 10 });
    const params = { orgId: f.orgId, imageId: f.imageId };
    const a = f.members.ANNOTATOR!.auth;
    const ops = [strokeOp(f.background, [0, 8.5, 20, 8.5], 1), boxOp(f.nucleus, 2, 2, 6, 6), boxOp(f.nucleus, 10, 1, 14, 5)];
    await callRoute(postAnnotationOps, { method: 'POST', params, auth: a, body: { ops } });
    const get = (format: string) => getImageExport(new Request(`http://tessera.test/x?format=${format}`, { headers: { cookie: a.session } }), { params: Promise.resolve(params) });
    const labels = readTiff(new Uint8Array(await (await get('labels-tiff')).arrayBuffer()));
    const want = rasteriseAnnotations(
      [
        { id: 'a', kind: 'brush', classIndex: 1, order: 1, geometry: { type: 'polyline', points: [0, 8.5, 20, 8.5], width: 1 } },
        { id: 'b', kind: 'instance', classIndex: 2, order: 2, geometry: ops[1]!.annotation.geometry },
        { id: 'c', kind: 'instance', classIndex: 2, order: 3, geometry: ops[2]!.annotation.geometry },
      ],
      { width: 20, height: 10 },
    );
    expect(labels.dtype).toBe('uint16');
    expect(Array.from(labels.planes[0]!.data)).toEqual(Array.from(want.labels));
    const inst = readTiff(new Uint8Array(await (await get('instances-tiff')).arrayBuffer()));
    expect(Array.from(inst.planes[0]!.data)).toEqual(Array.from(want.instances));
    const coco = await (await get('coco')).json();
    expect(coco.categories).toEqual([{ id: 2, name: 'Nucleus' }]);
    expect(coco.annotations.map((x: { area: number; bbox: number[] }) => [x.area, x.bbox])).toEqual([[16, [2, 2, 4, 4]], [16, [10, 1, 4, 4]]]);
    const geo = await (await get('geojson')).json();
    expect(geo.features.map((x: { properties: { className: string } }) => x.properties.className)).toEqual(['Background', 'Nucleus', 'Nucleus']);
  });
});
