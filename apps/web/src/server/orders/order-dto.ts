import type { ModelOrder, ServiceGrant } from '@tessera/db';

export const ORDER_STATES = ['REQUESTED', 'QUOTED', 'ACCEPTED', 'IN_PROGRESS', 'DELIVERED', 'CANCELLED'] as const;

export const toOrderDto = (o: ModelOrder & { grants?: ServiceGrant[] }) => ({
  id: o.id, projectId: o.projectId, status: o.status, goal: o.goal, classes: o.classes,
  examples: (o.examples as { name: string; bytes: number }[]).map((e) => ({ name: e.name, bytes: e.bytes })),
  deadline: o.deadline?.toISOString() ?? null, webhookUrl: o.webhookUrl,
  quote: o.quoteCents === null ? null : { amountCents: o.quoteCents, currency: o.quoteCurrency, note: o.quoteNote },
  deliveredVersionId: o.deliveredVersionId,
  access: (o.grants ?? []).map((g) => ({ expiresAt: g.expiresAt.toISOString(), revokedAt: g.revokedAt?.toISOString() ?? null })),
  createdAt: o.createdAt.toISOString(), updatedAt: o.updatedAt.toISOString(),
});
