import type { Db } from '@tessera/db';
import type { Storage } from '@tessera/storage';
import { recordAudit } from '../audit/record-audit';
import { ApiError, forbidden, notFound } from '../errors';
import { registerVersion } from '../models/register-version';
import { requireOrder, transition } from './manage-orders';
import { notifyOrg, sendWebhook } from './notify';
import { toOrderDto } from './order-dto';

/** The platform's service team: users with User.isPlatformStaff. Everyone else gets 403. */
export async function requireStaff(db: Db, userId: string) {
  const u = await db.user.findUnique({ where: { id: userId }, select: { isPlatformStaff: true } });
  if (!u?.isPlatformStaff) throw forbidden('Only the platform service team can do this.');
}

/** Looks an order up by id across organisations: staff only (checked by the caller), hence unsafe. */
async function unsafeFindOrder(db: Db, orderId: string) {
  const o = await db.modelOrder.findUnique({ where: { id: orderId }, select: { organizationId: true } });
  if (!o) throw notFound('Order');
  return requireOrder(db, o.organizationId, orderId);
}

/** The service team's queue: every open order of every organisation (what was ordered, not the project's data). */
export async function unsafeListOrderQueue(db: Db) {
  const orders = await db.modelOrder.findMany({
    where: { status: { notIn: ['CANCELLED'] } }, orderBy: { createdAt: 'asc' }, include: { grants: true, project: { select: { name: true } } },
  });
  const orgs = await db.organization.findMany({ where: { id: { in: [...new Set(orders.map((o) => o.organizationId))] } }, select: { id: true, name: true } });
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return orders.map((o) => ({ ...toOrderDto(o), organizationId: o.organizationId, organizationName: names.get(o.organizationId) ?? '', projectName: o.project.name }));
}

export async function quoteOrder(db: Db, staffId: string, orderId: string, quote: { amountCents: number; currency: string; note?: string }) {
  const o = await unsafeFindOrder(db, orderId);
  return db.$transaction(async (tx) => {
    await transition(tx, o, 'QUOTED', ['REQUESTED', 'QUOTED'], staffId, { quote });
    await tx.modelOrder.update({ where: { id: o.id }, data: { quoteCents: quote.amountCents, quoteCurrency: quote.currency, quoteNote: quote.note ?? null } });
    await notifyOrg(tx, o.organizationId, { kind: 'order.quoted', title: 'Your model order has a quote', link: `/orders/${o.id}` });
    return toOrderDto(await requireOrder(tx, o.organizationId, o.id));
  });
}

/** The grant that lets staff into the order's project: accepted, not revoked, not expired. */
export async function requireActiveGrant(db: Db, orderId: string) {
  const o = await unsafeFindOrder(db, orderId);
  const now = new Date();
  const grant = o.grants.find((g) => !g.revokedAt && g.expiresAt > now);
  if (!grant || (o.status !== 'ACCEPTED' && o.status !== 'IN_PROGRESS')) throw forbidden('The service team has no access to this project (the order is not accepted, or access expired).');
  return { order: o, grant };
}

export async function startOrder(db: Db, staffId: string, orderId: string) {
  const { order } = await requireActiveGrant(db, orderId);
  return db.$transaction(async (tx) => {
    await transition(tx, order, 'IN_PROGRESS', ['ACCEPTED'], staffId);
    await notifyOrg(tx, order.organizationId, { kind: 'order.in_progress', title: 'The service team started on your model', link: `/orders/${order.id}` });
    return toOrderDto(await requireOrder(tx, order.organizationId, order.id));
  });
}

/** The granted project (and the order's example images), audited as a service access. */
export async function staffProject(db: Db, staffId: string, orderId: string) {
  const { order, grant } = await requireActiveGrant(db, orderId);
  const project = await db.project.findFirst({ where: { id: order.projectId, organizationId: order.organizationId }, include: { labelClasses: { orderBy: { order: 'asc' } } } });
  if (!project) throw notFound('Project');
  await recordAudit(db, { organizationId: order.organizationId, actorUserId: staffId, action: 'service.access', targetType: 'project', targetId: project.id, data: { orderId, grantId: grant.id } });
  return {
    project: { id: project.id, name: project.name, description: project.description, kind: project.kind, labelClasses: project.labelClasses.map((c) => ({ name: c.name, color: c.color })) },
    order: toOrderDto(order),
    accessExpiresAt: grant.expiresAt.toISOString(),
  };
}

/**
 * Delivery: the trained model becomes a version (source SERVICE) in the customer's project; the order is
 * delivered, the customer notified in the app and by webhook, and the team's access ends.
 */
export async function deliverOrder(db: Db, storage: Storage, staffId: string, orderId: string, file: { fileName: string; bytes: Uint8Array; modelName?: string }) {
  const { order } = await requireActiveGrant(db, orderId);
  if (order.status !== 'IN_PROGRESS') throw new ApiError('CONFLICT', 'Start the order before delivering a model.');
  const registered = await registerVersion(db, storage, {
    organizationId: order.organizationId, actorUserId: staffId, projectId: order.projectId, modelName: file.modelName ?? `Service model ${order.id.slice(-6)}`,
    fileName: file.fileName, bytes: file.bytes, source: 'SERVICE', lineage: { orderId: order.id },
  });
  const delivered = await db.$transaction(async (tx) => {
    await transition(tx, order, 'DELIVERED', ['IN_PROGRESS'], staffId, { versionId: registered.version.id });
    await tx.modelOrder.update({ where: { id: order.id }, data: { deliveredVersionId: registered.version.id } });
    await tx.serviceGrant.updateMany({ where: { orderId: order.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { organizationId: order.organizationId, actorUserId: staffId, action: 'service.access.ended', targetType: 'project', targetId: order.projectId, data: { orderId } });
    await notifyOrg(tx, order.organizationId, { kind: 'order.delivered', title: `Your model "${registered.model.name}" is ready to download`, link: `/models/${registered.model.id}` });
    return toOrderDto(await requireOrder(tx, order.organizationId, order.id));
  });
  const webhookStatus = await sendWebhook(order.webhookUrl, { type: 'order.delivered', orderId: order.id, status: 'DELIVERED', versionId: registered.version.id });
  return { order: delivered, model: registered.model, version: registered.version, webhookStatus };
}
