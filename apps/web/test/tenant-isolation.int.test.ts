import './setup-env';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/context';
import { ALL_ENDPOINTS } from '@/server/api/endpoints';
import { postSignup } from '@/server/api/endpoints/account';
import { postProject } from '@/server/api/endpoints/projects';
import { postInvitation } from '@/server/api/endpoints/organization';
import { postToken } from '@/server/api/endpoints/tokens';
import { addMember } from '@tessera/testing';
import { callRoute, sessionFor, type Credentials } from './call-route';
import { seedModelRows } from './model-fixtures';
import { listApiRouteFiles, loadRouteHandlers } from './route-files';

async function signUpOrg(tag: string) {
  const email = `${tag}-${Date.now()}@example.test`;
  const r = await callRoute(postSignup, {
    method: 'POST',
    body: { name: `${tag} Owner`, email, password: 'correct horse battery', organizationName: `${tag} Secret Lab` },
  });
  expect(r.status).toBe(201);
  return { userId: r.json.user.id as string, orgId: r.json.organization.id as string, orgName: r.json.organization.name as string, email };
}

/** GET routes whose owner control needs stored files the seed does not make; their outsider checks still run. */
const NO_CONTROL = new Set(['/api/v1/orgs/{orgId}/training-runs/{runId}/predictions/{imageId}/{file}']);

describe('tenant isolation, for every /api/v1 route', () => {
  const a = { ids: {} as Record<string, string>, secrets: [] as string[], trainingRunId: '' };
  let outsiders: { label: string; auth: Credentials }[] = [];
  let ownerA: Credentials;

  beforeAll(async () => {
    const orgA = await signUpOrg('alpha');
    ownerA = await sessionFor(orgA.userId);
    const params = { orgId: orgA.orgId };
    const project = await callRoute(postProject, {
      method: 'POST',
      params,
      auth: ownerA,
      body: { name: 'Alpha Kidney Study', labelClasses: [{ name: 'AlphaNucleus', color: '#ff0000' }] },
    });
    const inv = await callRoute(postInvitation, { method: 'POST', params, auth: ownerA, body: { role: 'ANNOTATOR' } });
    const tok = await callRoute(postToken, { method: 'POST', params, auth: ownerA, body: { name: 'alpha-ci', scopes: ['read', 'write'] } });
    const member = await addMember(db(), orgA.orgId, 'ANNOTATOR');
    const image = await db().image.create({
      data: { organizationId: orgA.orgId, projectId: project.json.id, name: 'AlphaSecretSlide.tif', sizeBytes: 1, sourceKey: 'x', partSize: 1, partCount: 1 },
    });
    a.ids = {
      orgId: orgA.orgId,
      projectId: project.json.id,
      classId: project.json.labelClasses[0].id,
      userId: member.id,
      invitationId: inv.json.invitation.id,
      tokenId: tok.json.token.id,
      token: 'no-such-invitation-token',
      imageId: image.id,
    };
    a.secrets = [orgA.orgName, orgA.email, 'Alpha Kidney Study', 'AlphaNucleus', member.email, tok.json.token.prefix, 'AlphaSecretSlide'];
    const modelRows = await seedModelRows(orgA.orgId, project.json.id, orgA.userId);
    Object.assign(a.ids, modelRows.ids);
    a.secrets.push(...modelRows.secrets);
    const training = await db().trainingRun.create({
      data: {
        organizationId: orgA.orgId, projectId: project.json.id, name: 'AlphaSecretRun', modelType: 'semantic', settings: {}, config: {},
        seed: 1, snapshotKey: 'x', snapshotHash: 'x', totalSteps: 1, status: 'SUCCEEDED',
      },
    });
    a.trainingRunId = training.id;
    a.secrets.push('AlphaSecretRun');

    const orgB = await signUpOrg('beta');
    const bToken = await callRoute(postToken, {
      method: 'POST',
      params: { orgId: orgB.orgId },
      auth: await sessionFor(orgB.userId),
      body: { name: 'beta-ci', scopes: ['read', 'write'] },
    });
    outsiders = [
      { label: 'session of another organisation', auth: await sessionFor(orgB.userId) },
      { label: 'API token of another organisation', auth: { token: bToken.json.secret } },
    ];
  });

  const routes = listApiRouteFiles();

  it('finds the routes in the code, and each is in the endpoint registry the OpenAPI document is built from', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
    const registered = new Set(ALL_ENDPOINTS.map((e) => `${e.spec.method} ${e.spec.path}`));
    const found = new Set<string>();
    for (const route of routes) {
      for (const { method, handler } of await loadRouteHandlers(route)) {
        expect(handler.spec, `${method} ${route.path} must be built with withOrg/withUser/withPublic`).toBeDefined();
        expect(`${handler.spec.method} ${handler.spec.path}`).toBe(`${method} ${route.path}`);
        found.add(`${method} ${route.path}`);
      }
    }
    const openapiRoute = '/api/v1/openapi.json';
    expect([...registered].sort()).toEqual([...found].filter((k) => !k.endsWith(openapiRoute)).sort());
  });

  it.each(routes.map((r) => [r.path, r] as const))('%s', async (_path, route) => {
    for (const { method, handler } of await loadRouteHandlers(route)) {
      const call = (auth: Credentials) =>
        callRoute(handler, {
          method,
          path: route.path,
          // {runId} names a training run under /training-runs and an inference run elsewhere.
          params: route.path.includes('/training-runs/') ? { ...a.ids, runId: a.trainingRunId } : a.ids,
          auth,
          body: method === 'GET' || method === 'DELETE' ? undefined : { name: 'Intruder', role: 'OWNER', color: '#000000', scopes: ['write'], archived: true },
        });
      const label = `${method} ${route.path}`;
      if (handler.spec.auth !== 'public') expect((await call(null)).status, `${label} without credentials`).toBe(401);
      for (const o of outsiders) {
        const r = await call(o.auth);
        if (handler.spec.auth === 'org') expect([403, 404], `${label} with a ${o.label}`).toContain(r.status);
        for (const secret of a.secrets) expect(r.text, `${label} with a ${o.label} leaks "${secret}"`).not.toContain(secret);
      }
      if (handler.spec.auth === 'org' && method === 'GET' && !NO_CONTROL.has(route.path)) {
        expect((await call(ownerA)).status, `${label} for the owner (control)`).toBe(200);
      }
    }
  });

  it('left the other organisation untouched', async () => {
    const d = db();
    const project = await d.project.findUniqueOrThrow({ where: { id: a.ids.projectId }, include: { labelClasses: true } });
    expect(project.name).toBe('Alpha Kidney Study');
    expect(project.archivedAt).toBeNull();
    expect(project.labelClasses.map((c) => c.name)).toEqual(['AlphaNucleus']);
    expect(await d.membership.count({ where: { organizationId: a.ids.orgId } })).toBe(2);
    expect((await d.invitation.findUniqueOrThrow({ where: { id: a.ids.invitationId } })).revokedAt).toBeNull();
    expect((await d.apiToken.findUniqueOrThrow({ where: { id: a.ids.tokenId } })).revokedAt).toBeNull();
    expect((await d.organization.findUniqueOrThrow({ where: { id: a.ids.orgId } })).name).toMatch(/alpha Secret Lab/);
  });
});
