import './setup-env';
import { describe, expect, it } from 'vitest';
import { db } from '@/server/context';
import { getProjectById, patchLabelClass, postLabelClass, postProject } from '@/server/api/endpoints/projects';
import { postSignup } from '@/server/api/endpoints/account';
import { callRoute } from './call-route';
import { orgWithMembers } from './api-fixture';

describe('bad input gets a clear 4xx and stores nothing', () => {
  it('malformed JSON, wrong content type, wrong types, oversized bodies', async () => {
    const { orgId, owner } = await orgWithMembers();
    const params = { orgId };
    const post = (o: { body?: unknown; rawBody?: string; headers?: Record<string, string> }) =>
      callRoute(postProject, { method: 'POST', params, auth: owner.auth, ...o });

    const malformed = await post({ rawBody: '{"name": "Broken",' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error).toMatchObject({ code: 'INVALID_JSON' });
    expect(malformed.json.error.message).toMatch(/not valid JSON/);

    const form = await post({ rawBody: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);

    const wrongType = await post({ body: { name: 42, labelClasses: 'Nucleus' } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.error.code).toBe('VALIDATION_FAILED');
    expect(wrongType.json.error.message).toMatch(/name/);
    expect(wrongType.json.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['name', 'labelClasses']));

    const badColour = await post({ body: { name: 'P', labelClasses: [{ name: 'A', color: 'red' }] } });
    expect(badColour.json.error.message).toMatch(/colour/);

    const huge = await post({ body: { name: 'Big', description: 'x'.repeat(200_000) } });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe('PAYLOAD_TOO_LARGE');

    const empty = await post({ body: { name: '   ' } });
    expect(empty.status).toBe(400);
    expect(await db().project.count({ where: { organizationId: orgId } })).toBe(0);
  });

  it('HTML-ish names are refused, SQL-ish names are stored verbatim and harmless', async () => {
    const { orgId, owner } = await orgWithMembers();
    const params = { orgId };
    const html = await callRoute(postProject, { method: 'POST', params, auth: owner.auth, body: { name: '<img src=x onerror=alert(1)>' } });
    expect(html.status).toBe(400);
    expect(html.json.error.message).toMatch(/< >/);

    const sqlish = `Robert'); DROP TABLE "Project";--`;
    const created = await callRoute(postProject, { method: 'POST', params, auth: owner.auth, body: { name: sqlish } });
    expect(created.status).toBe(201);
    const fetched = await callRoute(getProjectById, { params: { orgId, projectId: created.json.id }, auth: owner.auth });
    expect(fetched.json.name).toBe(sqlish);
    expect(await db().project.count()).toBeGreaterThan(0);
  });

  it('unknown ids are 404; duplicates are 409; a failing multi-row create leaves nothing behind', async () => {
    const { orgId, owner } = await orgWithMembers();
    const params = { orgId };
    const missing = await callRoute(getProjectById, { params: { orgId, projectId: 'does-not-exist' }, auth: owner.auth });
    expect(missing.status).toBe(404);
    expect(missing.json.error.message).toBe('Project not found.');
    const cls = await callRoute(patchLabelClass, { method: 'PATCH', params: { orgId, projectId: 'nope', classId: 'nope' }, auth: owner.auth, body: { name: 'X' } });
    expect(cls.status).toBe(404);

    const dupClasses = await callRoute(postProject, {
      method: 'POST',
      params,
      auth: owner.auth,
      body: { name: 'Dups', labelClasses: [{ name: 'Cell', color: '#ff0000' }, { name: 'cell', color: '#00ff00' }] },
    });
    expect(dupClasses.status).toBe(400);
    expect(dupClasses.json.error.message).toMatch(/unique/);

    const p = await callRoute(postProject, { method: 'POST', params, auth: owner.auth, body: { name: 'Twin', labelClasses: [{ name: 'Cell', color: '#ff0000' }] } });
    const twin = await callRoute(postProject, { method: 'POST', params, auth: owner.auth, body: { name: 'Twin' } });
    expect(twin.status).toBe(409);
    expect(twin.json.error.message).toMatch(/already exists/);
    const dupClass = await callRoute(postLabelClass, { method: 'POST', params: { orgId, projectId: p.json.id }, auth: owner.auth, body: { name: 'Cell', color: '#123456' } });
    expect(dupClass.status).toBe(409);
    expect(await db().project.count({ where: { organizationId: orgId } })).toBe(1);
    expect(await db().labelClass.count({ where: { projectId: p.json.id } })).toBe(1);
  });

  it('sign-up refuses a taken email and a short password, creating no user or organisation', async () => {
    const body = { name: 'Ada', email: `ada-${Date.now()}@example.test`, password: 'long enough password', organizationName: 'Ada Lab' };
    expect((await callRoute(postSignup, { method: 'POST', body })).status).toBe(201);
    const orgsBefore = await db().organization.count();
    const taken = await callRoute(postSignup, { method: 'POST', body: { ...body, email: body.email.toUpperCase() } });
    expect(taken.status).toBe(409);
    const short = await callRoute(postSignup, { method: 'POST', body: { ...body, email: `x${body.email}`, password: 'short' } });
    expect(short.status).toBe(400);
    expect(short.json.error.message).toMatch(/password.*10/);
    expect(await db().organization.count()).toBe(orgsBefore);
  });
});
