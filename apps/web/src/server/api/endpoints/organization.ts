import { z } from 'zod';
import { getOrganization, renameOrganization } from '../../orgs/rename-organization';
import { listMembers } from '../../members/list-members';
import { changeMemberRole } from '../../members/change-member-role';
import { removeMember } from '../../members/remove-member';
import { createInvitation, listInvitations, revokeInvitation } from '../../invitations/manage-invitations';
import { listAuditEvents } from '../../audit/list-audit-events';
import { withOrg } from '../endpoint';
import { EmailSchema, InvitationSchema, IsoDate, MemberSchema, NameSchema, OrgSchema, RoleSchema } from '../schemas';

export const getOrg = withOrg(
  { method: 'GET', path: '/api/v1/orgs/{orgId}', summary: 'An organisation', permission: 'org:read', response: OrgSchema },
  ({ db, actor }) => getOrganization(db, actor),
);

export const patchOrg = withOrg(
  {
    method: 'PATCH',
    path: '/api/v1/orgs/{orgId}',
    summary: 'Rename an organisation',
    permission: 'org:manage',
    body: z.object({ name: NameSchema }),
    response: OrgSchema,
  },
  ({ db, actor, body }) => renameOrganization(db, actor, body.name),
);

export const getMembers = withOrg(
  { method: 'GET', path: '/api/v1/orgs/{orgId}/members', summary: 'Members and their roles', permission: 'members:read', response: z.object({ members: z.array(MemberSchema) }) },
  async ({ db, actor }) => ({ members: await listMembers(db, actor) }),
);

export const patchMember = withOrg(
  {
    method: 'PATCH',
    path: '/api/v1/orgs/{orgId}/members/{userId}',
    summary: "Change a member's role",
    permission: 'members:manage',
    body: z.object({ role: RoleSchema }),
    response: MemberSchema,
  },
  ({ db, actor, params, body }) => changeMemberRole(db, actor, params.userId ?? '', body.role),
);

export const deleteMember = withOrg(
  { method: 'DELETE', path: '/api/v1/orgs/{orgId}/members/{userId}', summary: 'Remove a member, or leave (your own id)', permission: 'org:read' },
  async ({ db, actor, params }) => {
    await removeMember(db, actor, params.userId ?? '');
  },
);

export const getInvitations = withOrg(
  { method: 'GET', path: '/api/v1/orgs/{orgId}/invitations', summary: 'Invitations', permission: 'members:manage', response: z.object({ invitations: z.array(InvitationSchema) }) },
  async ({ db, actor }) => ({ invitations: await listInvitations(db, actor) }),
);

export const postInvitation = withOrg(
  {
    method: 'POST',
    path: '/api/v1/orgs/{orgId}/invitations',
    summary: 'Create an invitation link with a role (the link is returned once)',
    permission: 'members:manage',
    body: z.object({ role: RoleSchema, email: EmailSchema.optional() }),
    response: z.object({ invitation: InvitationSchema, url: z.string() }),
    successStatus: 201,
  },
  async ({ db, actor, body, req }) => {
    const { invitation, token } = await createInvitation(db, actor, body);
    return { invitation, url: `${new URL(req.url).origin}/invite/${token}` };
  },
);

export const deleteInvitation = withOrg(
  { method: 'DELETE', path: '/api/v1/orgs/{orgId}/invitations/{invitationId}', summary: 'Revoke an invitation', permission: 'members:manage' },
  async ({ db, actor, params }) => {
    await revokeInvitation(db, actor, params.invitationId ?? '');
  },
);

export const getAuditEvents = withOrg(
  {
    method: 'GET',
    path: '/api/v1/orgs/{orgId}/audit-events',
    summary: 'Audit log (membership, roles, tokens, projects)',
    permission: 'audit:read',
    response: z.object({
      events: z.array(z.object({ id: z.string(), action: z.string(), actorName: z.string(), targetType: z.string(), targetId: z.string().nullable(), data: z.unknown(), createdAt: IsoDate })),
    }),
  },
  async ({ db, actor }) => ({ events: await listAuditEvents(db, actor) }),
);
