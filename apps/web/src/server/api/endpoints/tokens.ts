import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../../tokens/manage-api-tokens';
import { withOrg } from '../endpoint';
import { ApiTokenSchema, NameSchema } from '../schemas';
import { TOKEN_SCOPES } from '../../permissions';
import { forbidden } from '../../errors';

export const getTokens = withOrg(
  { method: 'GET', path: '/api/v1/orgs/{orgId}/tokens', summary: 'Your API tokens in this organisation', permission: 'tokens:own', response: z.object({ tokens: z.array(ApiTokenSchema) }) },
  async ({ db, actor }) => ({ tokens: await listApiTokens(db, actor) }),
);

export const postToken = withOrg(
  {
    method: 'POST',
    path: '/api/v1/orgs/{orgId}/tokens',
    summary: 'Create an API token (the secret is returned once)',
    permission: 'tokens:own',
    body: z.object({
      name: NameSchema,
      scopes: z.array(z.enum(TOKEN_SCOPES)).min(1, 'choose at least one scope'),
      expiresInDays: z.number().int().min(1).max(365).optional(),
    }),
    response: z.object({ token: ApiTokenSchema, secret: z.string() }),
    successStatus: 201,
  },
  ({ db, actor, body, principal }) => {
    if (principal.via === 'token') throw forbidden('Create API tokens while signed in, not with another token.');
    return createApiToken(db, actor, body);
  },
);

export const deleteToken = withOrg(
  { method: 'DELETE', path: '/api/v1/orgs/{orgId}/tokens/{tokenId}', summary: 'Revoke an API token', permission: 'tokens:own' },
  async ({ db, actor, params }) => {
    await revokeApiToken(db, actor, params.tokenId ?? '');
  },
);
