import type { ApiToken, Db } from '@tessera/db';
import type { Actor } from '../actor';
import { generateTokenSecret } from '../auth/api-token-secret';
import { recordAudit } from '../audit/record-audit';
import { notFound } from '../errors';
import type { TokenScope } from '../permissions';

export function toApiTokenDto(t: ApiToken) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes as TokenScope[],
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

export async function listApiTokens(db: Db, actor: Actor) {
  const rows = await db.apiToken.findMany({
    where: { organizationId: actor.organizationId, userId: actor.userId },
    orderBy: { createdAt: 'desc' },
  });
  return rows.map(toApiTokenDto);
}

export async function createApiToken(db: Db, actor: Actor, input: { name: string; scopes: TokenScope[]; expiresInDays?: number }) {
  const { secret, hash, prefix } = generateTokenSecret();
  const token = await db.$transaction(async (tx) => {
    const t = await tx.apiToken.create({
      data: {
        organizationId: actor.organizationId,
        userId: actor.userId,
        name: input.name,
        prefix,
        tokenHash: hash,
        scopes: [...new Set(input.scopes)],
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
      },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'api_token.created',
      targetType: 'api_token',
      targetId: t.id,
      data: { name: t.name, scopes: t.scopes },
    });
    return t;
  });
  return { token: toApiTokenDto(token), secret };
}

export async function revokeApiToken(db: Db, actor: Actor, tokenId: string) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: tokenId, organizationId: actor.organizationId, userId: actor.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw notFound('Active token');
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'api_token.revoked',
      targetType: 'api_token',
      targetId: tokenId,
    });
  });
}
