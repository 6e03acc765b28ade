import './setup-env';
import http from 'node:http';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProjectById, patchProject, postProject } from '@/server/api/endpoints/projects';
import { getModelById, getProjectModels, postVersionDownload } from '@/server/api/endpoints/models';
import {
  getNotifications, getOrderById, getOrders, getServiceProject, getServiceQueue, postOrder, postOrderAcceptance, postOrderExample,
  postServiceDelivery, postServiceQuote, postServiceStart,
} from '@/server/api/endpoints/orders';
import { db } from '@/server/context';
import { addMember } from '@tessera/testing';
import { orgWithMembers } from './api-fixture';
import { callRoute, sessionFor, type Credentials } from './call-route';
import { bbbc039Crop, callBinary, fetchBytes, SHARED } from './model-helpers';

describe('models as a service: order → quote → accept → grant → deliver → notify → download', () => {
  let customer: { orgId: string; owner: Credentials; viewer: Credentials };
  let projectId: string;
  let otherProjectId: string;
  let staff: Credentials;
  let outsider: { orgId: string; owner: Credentials };
  const hooks: unknown[] = [];
  let hookServer: http.Server;
  let hookUrl: string;

  beforeAll(async () => {
    const c = await orgWithMembers(['VIEWER']);
    customer = { orgId: c.orgId, owner: c.owner.auth, viewer: c.members.VIEWER!.auth };
    projectId = (await callRoute(postProject, { method: 'POST', params: { orgId: c.orgId }, auth: customer.owner, body: { name: 'Ordered nuclei' } })).json.id;
    otherProjectId = (await callRoute(postProject, { method: 'POST', params: { orgId: c.orgId }, auth: customer.owner, body: { name: 'Private other' } })).json.id;
    const o = await orgWithMembers();
    outsider = { orgId: o.orgId, owner: o.owner.auth };
    const staffOrg = await orgWithMembers();
    const staffUser = await addMember(db(), staffOrg.orgId, 'VIEWER');
    await db().user.update({ where: { id: staffUser.id }, data: { isPlatformStaff: true } });
    staff = await sessionFor(staffUser.id);
    hookServer = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => { hooks.push(JSON.parse(body)); res.end('ok'); });
    });
    await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => hookServer?.close());

  it('runs the whole flow with every state change audited, and keeps the service team and other organisations out', async () => {
    const orgId = customer.orgId;
    const created = await callRoute(postOrder, {
      method: 'POST', params: { orgId }, auth: customer.owner,
      body: { projectId, goal: 'Segment nuclei in U2OS Hoechst images', classes: ['Nucleus'], deadline: '2027-01-31T00:00:00.000Z', webhookUrl: hookUrl },
    });
    expect(created.status).toBe(201);
    const orderId = created.json.id as string;
    expect(created.json.status).toBe('REQUESTED');
    const ex = await callBinary(postOrderExample, { path: '/examples', params: { orgId, orderId }, query: { fileName: 'example.tif' }, auth: customer.owner, body: bbbc039Crop().tiff });
    expect(ex.status).toBe(201);
    expect(ex.json.examples).toEqual([{ name: 'example.tif', bytes: expect.any(Number) }]);

    // a viewer may read but not order; another organisation sees nothing
    expect((await callRoute(postOrder, { method: 'POST', params: { orgId }, auth: customer.viewer, body: { projectId, goal: 'x y z', classes: ['a'] } })).status).toBe(403);
    expect((await callRoute(getOrders, { params: { orgId }, auth: customer.viewer })).json.orders).toHaveLength(1);
    const peek = await callRoute(getOrderById, { params: { orgId, orderId }, auth: outsider.owner });
    expect(peek.status).toBe(404);
    expect(peek.text).not.toContain('U2OS');
    expect((await callRoute(getOrders, { params: { orgId: outsider.orgId }, auth: outsider.owner })).json.orders).toEqual([]);

    // only staff see the queue and quote
    expect((await callRoute(getServiceQueue, { auth: customer.owner })).status).toBe(403);
    const queue = await callRoute(getServiceQueue, { auth: staff });
    expect(queue.json.orders.find((o: { id: string }) => o.id === orderId)).toMatchObject({ goal: 'Segment nuclei in U2OS Hoechst images', projectName: 'Ordered nuclei' });
    expect((await callRoute(postServiceQuote, { method: 'POST', params: { orderId }, auth: customer.owner, body: { amountCents: 1, currency: 'EUR' } })).status).toBe(403);
    // no access before acceptance
    expect((await callRoute(getServiceProject, { params: { orderId }, auth: staff })).status).toBe(403);
    const quoted = await callRoute(postServiceQuote, { method: 'POST', params: { orderId }, auth: staff, body: { amountCents: 250000, currency: 'EUR', note: '2 weeks' } });
    expect(quoted.json).toMatchObject({ status: 'QUOTED', quote: { amountCents: 250000, currency: 'EUR' } });

    const accepted = await callRoute(postOrderAcceptance, { method: 'POST', params: { orgId, orderId }, auth: customer.owner });
    expect(accepted.json.status).toBe('ACCEPTED');
    expect(new Date(accepted.json.access[0].expiresAt).getTime()).toBeGreaterThan(Date.now());

    // the grant opens the ordered project only: not the customer's organisation routes, not another project
    const proj = await callRoute(getServiceProject, { params: { orderId }, auth: staff });
    expect(proj.status).toBe(200);
    expect(proj.json.project).toMatchObject({ id: projectId, name: 'Ordered nuclei' });
    expect(proj.text).not.toContain('Private other');
    expect((await callRoute(getProjectModels, { params: { orgId, projectId: otherProjectId }, auth: staff })).status).toBe(404);
    expect((await callRoute(getOrders, { params: { orgId }, auth: staff })).status).toBe(404);
    // ...where they work through the ordinary project routes as an annotator of that project
    expect((await callRoute(getProjectById, { params: { orgId, projectId }, auth: staff })).json.name).toBe('Ordered nuclei');
    expect((await callRoute(getProjectById, { params: { orgId, projectId: otherProjectId }, auth: staff })).status).toBe(404);
    expect((await callRoute(patchProject, { method: 'PATCH', params: { orgId, projectId }, auth: staff, body: { archived: true } })).status).toBe(403);

    expect((await callRoute(postServiceStart, { method: 'POST', params: { orderId }, auth: staff })).json.status).toBe('IN_PROGRESS');
    const czann = new Uint8Array(readFileSync(path.join(SHARED, 'czann/napari_simple_nuclei_segmodel.czann')));
    const delivered = await callBinary(postServiceDelivery, { path: '/deliveries', params: { orderId }, query: { fileName: 'nuclei.czann', modelName: 'Nuclei (service)' }, auth: staff, body: czann });
    expect(delivered.status).toBe(201);
    expect(delivered.json.order.status).toBe('DELIVERED');
    expect(delivered.json.version).toMatchObject({ source: 'SERVICE', lineage: { orderId } });
    expect(delivered.json.webhookStatus).toBe(200);
    expect(hooks).toEqual([expect.objectContaining({ type: 'order.delivered', orderId, status: 'DELIVERED' })]);
    // access ended with the delivery
    expect((await callRoute(getServiceProject, { params: { orderId }, auth: staff })).status).toBe(403);
    expect((await callRoute(getProjectById, { params: { orgId, projectId }, auth: staff })).status).toBe(404);

    const notes = await callRoute(getNotifications, { params: { orgId }, auth: customer.viewer });
    expect(notes.json.notifications.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['order.quoted', 'order.in_progress', 'order.delivered']));
    const modelId = delivered.json.model.id;
    const m = await callRoute(getModelById, { params: { orgId, modelId }, auth: customer.owner });
    expect(m.json.versions[0].source).toBe('SERVICE');
    const dl = await callRoute(postVersionDownload, { method: 'POST', params: { orgId, modelId, versionId: m.json.versions[0].id }, auth: customer.owner });
    expect(Buffer.from(await fetchBytes(dl.json.url)).equals(Buffer.from(czann))).toBe(true);
    expect((await callRoute(getModelById, { params: { orgId: outsider.orgId, modelId }, auth: outsider.owner })).status).toBe(404);

    const actions = (await db().auditEvent.findMany({ where: { organizationId: orgId, targetId: orderId }, orderBy: { createdAt: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['order.requested', 'order.quoted', 'order.accepted', 'order.in_progress', 'order.delivered']);
    const access = await db().auditEvent.findMany({ where: { organizationId: orgId, action: { startsWith: 'service.access' } } });
    expect(access.map((e) => e.action).sort()).toEqual(['service.access', 'service.access.ended', 'service.access.granted']);
  });
});
