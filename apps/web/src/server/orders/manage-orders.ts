import type { Db, OrderStatus } from '@tessera/db';
import { orgKey, putObject, type Storage } from '@tessera/storage';
import type { Actor, Tx } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { ApiError, notFound } from '../errors';
import { requireProject } from '../models/manage-models';
import { safeFileName } from '../models/read-upload';
import { toOrderDto } from './order-dto';
import { notifyOrg } from './notify';

/** How long the service team may work in the project after the customer accepts the quote. */
export const GRANT_DAYS = 30;
export const MAX_EXAMPLES = 20;

export interface OrderInput { projectId: string; goal: string; classes: string[]; deadline?: string; webhookUrl?: string }

export async function createOrder(db: Db, actor: Actor, input: OrderInput) {
  await requireProject(db, actor, input.projectId);
  return db.$transaction(async (tx) => {
    const o = await tx.modelOrder.create({
      data: {
        organizationId: actor.organizationId, projectId: input.projectId, goal: input.goal, classes: input.classes,
        deadline: input.deadline ? new Date(input.deadline) : null, webhookUrl: input.webhookUrl ?? null, createdById: actor.userId,
      },
    });
    await recordAudit(tx, { organizationId: actor.organizationId, actorUserId: actor.userId, action: 'order.requested', targetType: 'modelOrder', targetId: o.id, data: { status: 'REQUESTED' } });
    return toOrderDto(o);
  });
}

export async function listOrders(db: Db, actor: Actor) {
  const orders = await db.modelOrder.findMany({ where: { organizationId: actor.organizationId }, orderBy: { createdAt: 'desc' }, include: { grants: true } });
  return orders.map(toOrderDto);
}

export async function requireOrder(db: Db | Tx, organizationId: string, orderId: string) {
  const o = await db.modelOrder.findFirst({ where: { id: orderId, organizationId }, include: { grants: true } });
  if (!o) throw notFound('Order');
  return o;
}

export async function getOrder(db: Db, actor: Actor, orderId: string) {
  return toOrderDto(await requireOrder(db, actor.organizationId, orderId));
}

export async function addOrderExample(db: Db, storage: Storage, actor: Actor, orderId: string, file: { fileName: string; bytes: Uint8Array }) {
  const o = await requireOrder(db, actor.organizationId, orderId);
  const examples = o.examples as { key: string; name: string; bytes: number }[];
  if (examples.length >= MAX_EXAMPLES) throw new ApiError('CONFLICT', `An order holds at most ${MAX_EXAMPLES} example images.`);
  if (o.status === 'DELIVERED' || o.status === 'CANCELLED') throw new ApiError('CONFLICT', `The order is ${o.status.toLowerCase()}.`);
  const name = safeFileName(file.fileName, `example-${examples.length + 1}.tif`);
  const key = orgKey(actor.organizationId, 'orders', o.id, `${examples.length + 1}-${name}`);
  await putObject(storage, key, file.bytes);
  const updated = await db.modelOrder.update({ where: { id: o.id }, data: { examples: [...examples, { key, name, bytes: file.bytes.length }] }, include: { grants: true } });
  return toOrderDto(updated);
}

/** One audited state change; `from` lists the states it may leave. */
export async function transition(
  tx: Tx, order: { id: string; organizationId: string; status: OrderStatus }, to: OrderStatus, from: OrderStatus[], actorUserId: string, extra: Record<string, unknown> = {},
) {
  if (!from.includes(order.status)) {
    throw new ApiError('CONFLICT', `The order is ${order.status.toLowerCase().replace('_', ' ')}; it cannot become ${to.toLowerCase().replace('_', ' ')}.`);
  }
  await tx.modelOrder.update({ where: { id: order.id }, data: { status: to } });
  await recordAudit(tx, { organizationId: order.organizationId, actorUserId, action: `order.${to.toLowerCase()}`, targetType: 'modelOrder', targetId: order.id, data: { from: order.status, to, ...extra } });
}

/** The customer accepts the quote: the service team gets time-limited access to that project only. */
export async function acceptOrder(db: Db, actor: Actor, orderId: string) {
  return db.$transaction(async (tx) => {
    const o = await requireOrder(tx, actor.organizationId, orderId);
    await transition(tx, o, 'ACCEPTED', ['QUOTED'], actor.userId);
    const expiresAt = new Date(Date.now() + GRANT_DAYS * 86400_000);
    const g = await tx.serviceGrant.create({ data: { organizationId: o.organizationId, projectId: o.projectId, orderId: o.id, expiresAt } });
    await recordAudit(tx, { organizationId: o.organizationId, actorUserId: actor.userId, action: 'service.access.granted', targetType: 'project', targetId: o.projectId, data: { orderId: o.id, grantId: g.id, expiresAt: expiresAt.toISOString() } });
    return toOrderDto(await requireOrder(tx, actor.organizationId, orderId));
  });
}

export async function cancelOrder(db: Db, actor: Actor, orderId: string) {
  return db.$transaction(async (tx) => {
    const o = await requireOrder(tx, actor.organizationId, orderId);
    await transition(tx, o, 'CANCELLED', ['REQUESTED', 'QUOTED', 'ACCEPTED', 'IN_PROGRESS'], actor.userId);
    await tx.serviceGrant.updateMany({ where: { orderId: o.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await notifyOrg(tx, o.organizationId, { kind: 'order.cancelled', title: 'A model order was cancelled', link: `/orders/${o.id}` });
    return toOrderDto(await requireOrder(tx, actor.organizationId, orderId));
  });
}

export async function listNotifications(db: Db, actor: Actor) {
  const rows = await db.notification.findMany({
    where: { organizationId: actor.organizationId, OR: [{ userId: null }, { userId: actor.userId }] }, orderBy: { createdAt: 'desc' }, take: 50,
  });
  return rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, link: n.link, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() }));
}
