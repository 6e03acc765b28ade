import './setup-env';
import { describe, expect, it } from 'vitest';
import { db } from '@/server/context';
import { getMembers, deleteMember, patchMember, postInvitation, getAuditEvents } from '@/server/api/endpoints/organization';
import { getProjects, postProject } from '@/server/api/endpoints/projects';
import { deleteToken, postToken } from '@/server/api/endpoints/tokens';
import { getInvitation, postAcceptInvitation, getMe, postSignup } from '@/server/api/endpoints/account';
import { callRoute } from './call-route';
import { orgWithMembers } from './api-fixture';

const project = { name: 'Grains', labelClasses: [{ name: 'Grain', color: '#00ff00' }] };

describe('roles', () => {
  it('a VIEWER reads but cannot write; an ANNOTATOR cannot manage members; an ADMIN cannot grant OWNER', async () => {
    const { orgId, members } = await orgWithMembers(['VIEWER', 'ANNOTATOR', 'ADMIN']);
    const params = { orgId };
    const viewer = members.VIEWER!.auth;
    expect((await callRoute(getProjects, { params, auth: viewer })).status).toBe(200);
    const denied = await callRoute(postProject, { method: 'POST', params, auth: viewer, body: project });
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe('FORBIDDEN');
    expect(await db().project.count({ where: { organizationId: orgId } })).toBe(0);

    const annotator = members.ANNOTATOR!.auth;
    expect((await callRoute(getMembers, { params, auth: annotator })).status).toBe(200);
    expect((await callRoute(postInvitation, { method: 'POST', params, auth: annotator, body: { role: 'VIEWER' } })).status).toBe(403);
    const promote = await callRoute(patchMember, { method: 'PATCH', params: { orgId, userId: members.VIEWER!.id }, auth: annotator, body: { role: 'ADMIN' } });
    expect(promote.status).toBe(403);

    const admin = members.ADMIN!.auth;
    const toOwner = await callRoute(patchMember, { method: 'PATCH', params: { orgId, userId: members.VIEWER!.id }, auth: admin, body: { role: 'OWNER' } });
    expect(toOwner.status).toBe(403);
    const toAnnotator = await callRoute(patchMember, { method: 'PATCH', params: { orgId, userId: members.VIEWER!.id }, auth: admin, body: { role: 'ANNOTATOR' } });
    expect(toAnnotator.status).toBe(200);
    expect(toAnnotator.json.role).toBe('ANNOTATOR');
  });

  it('the last owner cannot leave or be demoted; with a second owner they can', async () => {
    const { orgId, owner, members } = await orgWithMembers(['ADMIN']);
    const leave = await callRoute(deleteMember, { method: 'DELETE', params: { orgId, userId: owner.id }, auth: owner.auth });
    expect(leave.status).toBe(409);
    expect(leave.json.error.code).toBe('LAST_OWNER');
    const demote = await callRoute(patchMember, { method: 'PATCH', params: { orgId, userId: owner.id }, auth: owner.auth, body: { role: 'ADMIN' } });
    expect(demote.json.error.code).toBe('LAST_OWNER');

    await callRoute(patchMember, { method: 'PATCH', params: { orgId, userId: members.ADMIN!.id }, auth: owner.auth, body: { role: 'OWNER' } });
    expect((await callRoute(deleteMember, { method: 'DELETE', params: { orgId, userId: owner.id }, auth: owner.auth })).status).toBe(204);
    expect(await db().membership.findFirst({ where: { organizationId: orgId, userId: owner.id } })).toBeNull();

    const audit = await callRoute(getAuditEvents, { params: { orgId }, auth: members.ADMIN!.auth });
    const actions = audit.json.events.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['member.role_changed', 'member.left', 'organization.created']));
  });

  it('an invitation link adds the user with its role, once', async () => {
    const { orgId, owner } = await orgWithMembers();
    const inv = await callRoute(postInvitation, { method: 'POST', params: { orgId }, auth: owner.auth, body: { role: 'REVIEWER' } });
    expect(inv.status).toBe(201);
    const token = new URL(inv.json.url).pathname.split('/').pop()!;
    const preview = await callRoute(getInvitation, { params: { token } });
    expect(preview.json).toMatchObject({ role: 'REVIEWER' });

    const other = await orgWithMembers();
    const accept = await callRoute(postAcceptInvitation, { method: 'POST', params: { token }, auth: other.owner.auth });
    expect(accept.status).toBe(200);
    expect(accept.json.organization).toMatchObject({ id: orgId, role: 'REVIEWER' });
    const me = await callRoute(getMe, { auth: other.owner.auth });
    expect(me.json.organizations.map((o: { id: string }) => o.id)).toContain(orgId);

    const third = await orgWithMembers();
    const again = await callRoute(postAcceptInvitation, { method: 'POST', params: { token }, auth: third.owner.auth });
    expect(again.status).toBe(404);
    expect(await db().membership.count({ where: { organizationId: orgId } })).toBe(2);
  });
});

describe('sign-up through an invitation', () => {
  it('creates the account inside the inviting organisation only, atomically', async () => {
    const { orgId, owner } = await orgWithMembers();
    const inv = await callRoute(postInvitation, { method: 'POST', params: { orgId }, auth: owner.auth, body: { role: 'ANNOTATOR' } });
    const invitationToken = new URL(inv.json.url).pathname.split('/').pop()!;
    const email = `invitee-${Date.now()}@example.test`;
    const both = await callRoute(postSignup, { method: 'POST', body: { name: 'I', email, password: 'long enough password', invitationToken, organizationName: 'Mine' } });
    expect(both.status).toBe(400);
    const bad = await callRoute(postSignup, { method: 'POST', body: { name: 'I', email, password: 'long enough password', invitationToken: 'nope' } });
    expect(bad.status).toBe(404);
    expect(await db().user.count({ where: { email } })).toBe(0);

    const ok = await callRoute(postSignup, { method: 'POST', body: { name: 'I', email, password: 'long enough password', invitationToken } });
    expect(ok.status).toBe(201);
    expect(ok.json.organization).toMatchObject({ id: orgId, role: 'ANNOTATOR' });
    const memberships = await db().membership.findMany({ where: { user: { email } } });
    expect(memberships.map((m) => [m.organizationId, m.role])).toEqual([[orgId, 'ANNOTATOR']]);
  });
});

describe('API tokens', () => {
  it('authenticate scripts, respect scopes, record last use, and stop working when revoked', async () => {
    const { orgId, owner } = await orgWithMembers();
    const params = { orgId };
    const read = await callRoute(postToken, { method: 'POST', params, auth: owner.auth, body: { name: 'reader', scopes: ['read'] } });
    const write = await callRoute(postToken, { method: 'POST', params, auth: owner.auth, body: { name: 'writer', scopes: ['read', 'write'] } });
    expect(read.status).toBe(201);
    expect(read.json.secret).toMatch(/^tsr_/);
    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: read.json.token.id } });
    expect(stored.tokenHash).not.toContain(read.json.secret);

    expect((await callRoute(getProjects, { params, auth: { token: read.json.secret } })).status).toBe(200);
    const roWrite = await callRoute(postProject, { method: 'POST', params, auth: { token: read.json.secret }, body: project });
    expect(roWrite.status).toBe(403);
    expect(roWrite.json.error.message).toMatch(/read-only/);
    expect((await callRoute(postProject, { method: 'POST', params, auth: { token: write.json.secret }, body: project })).status).toBe(201);
    const mint = await callRoute(postToken, { method: 'POST', params, auth: { token: write.json.secret }, body: { name: 'x', scopes: ['read'] } });
    expect(mint.status).toBe(403);
    await new Promise((r) => setTimeout(r, 100));
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: read.json.token.id } })).lastUsedAt).not.toBeNull();

    expect((await callRoute(deleteToken, { method: 'DELETE', params: { orgId, tokenId: read.json.token.id }, auth: owner.auth })).status).toBe(204);
    const revoked = await callRoute(getProjects, { params, auth: { token: read.json.secret } });
    expect(revoked.status).toBe(401);
    expect((await callRoute(getProjects, { params, auth: { token: 'tsr_not-a-token' } })).status).toBe(401);
    expect((await callRoute(getMe, { auth: { token: write.json.secret } })).status).toBe(403);
  });

  it('a session cookie cannot be used cross-site for writes', async () => {
    const { orgId, owner } = await orgWithMembers();
    const r = await callRoute(postProject, { method: 'POST', params: { orgId }, auth: owner.auth, body: project, headers: { origin: 'http://evil.example' } });
    expect(r.status).toBe(403);
    expect(await db().project.count({ where: { organizationId: orgId } })).toBe(0);
  });
});
