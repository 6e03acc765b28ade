import { z } from 'zod';
import { signUp } from '../../orgs/sign-up';
import { createOrganization } from '../../orgs/create-organization';
import { listUserOrganizations } from '../../orgs/list-user-organizations';
import { acceptInvitation, describeInvitation } from '../../invitations/accept-invitation';
import { hitRateLimit } from '../../rate-limit';
import { redis } from '../../context';
import { env } from '../../env';
import { ApiError, notFound } from '../../errors';
import { clientIp, withPublic, withUser } from '../endpoint';
import { EmailSchema, IsoDate, NameSchema, OrgSchema, PasswordSchema, RoleSchema } from '../schemas';

export const postSignup = withPublic(
  {
    method: 'POST',
    path: '/api/v1/signup',
    summary: 'Create an account with its first organisation, or joining the organisation of an invitation',
    body: z
      .object({
        name: NameSchema,
        email: EmailSchema,
        password: PasswordSchema,
        organizationName: NameSchema.optional(),
        invitationToken: z.string().min(1).max(200).optional(),
      })
      .refine((b) => (b.organizationName === undefined) !== (b.invitationToken === undefined), {
        message: 'name your organisation, or sign up through an invitation link (send exactly one of the two)',
        path: ['organizationName'],
      }),
    response: z.object({ user: z.object({ id: z.string(), name: z.string(), email: z.string() }), organization: OrgSchema }),
    successStatus: 201,
  },
  async ({ req, body, db }) => {
    const r = await hitRateLimit(redis(), `signup:${clientIp(req)}`, env().SIGNUPS_PER_HOUR, 3600);
    if (!r.allowed) throw new ApiError('RATE_LIMITED', `Too many sign-ups from this address. Try again in ${r.resetSeconds} s.`);
    const { invitationToken, organizationName, ...account } = body;
    return signUp(db, invitationToken !== undefined ? { ...account, invitationToken } : { ...account, organizationName: organizationName! });
  },
);

export const getMe = withUser(
  {
    method: 'GET',
    path: '/api/v1/me',
    summary: 'The signed-in user and their organisations',
    response: z.object({ user: z.object({ id: z.string(), name: z.string(), email: z.string(), isPlatformStaff: z.boolean() }), organizations: z.array(OrgSchema) }),
  },
  async ({ db, userId }) => {
    const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, isPlatformStaff: true } });
    if (!user) throw notFound('User');
    return { user, organizations: await listUserOrganizations(db, userId) };
  },
);

export const postOrg = withUser(
  {
    method: 'POST',
    path: '/api/v1/orgs',
    summary: 'Create an organisation (you become its owner)',
    body: z.object({ name: NameSchema }),
    response: OrgSchema,
    successStatus: 201,
  },
  ({ db, body, userId }) => db.$transaction((tx) => createOrganization(tx, { userId, name: body.name })),
);

export const getInvitation = withPublic(
  {
    method: 'GET',
    path: '/api/v1/invitations/{token}',
    summary: 'What an invitation link offers (organisation name and role)',
    response: z.object({ organizationName: z.string(), role: RoleSchema, expiresAt: IsoDate }),
  },
  ({ db, params }) => describeInvitation(db, params.token ?? ''),
);

export const postAcceptInvitation = withUser(
  {
    method: 'POST',
    path: '/api/v1/invitations/{token}/accept',
    summary: 'Join the organisation of an invitation',
    response: z.object({ organization: OrgSchema }),
  },
  ({ db, params, userId }) => acceptInvitation(db, userId, params.token ?? ''),
);
