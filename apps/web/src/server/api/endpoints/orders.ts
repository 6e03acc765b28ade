import { z } from 'zod';
import { storage } from '../../context';
import { MAX_IMAGE_UPLOAD_BYTES, MAX_MODEL_BYTES, readUpload } from '../../models/read-upload';
import { acceptOrder, addOrderExample, cancelOrder, createOrder, getOrder, listNotifications, listOrders } from '../../orders/manage-orders';
import { deliverOrder, quoteOrder, requireStaff, staffProject, startOrder, unsafeListOrderQueue } from '../../orders/service-orders';
import { withOrg, withUser } from '../endpoint';

const p = (params: Record<string, string>, k: string) => params[k] ?? '';
const ORDER = '/api/v1/orgs/{orgId}/orders/{orderId}';
const SERVICE = '/api/v1/service/orders/{orderId}';

export const postOrder = withOrg(
  {
    method: 'POST', path: '/api/v1/orgs/{orgId}/orders', summary: 'Order a model as a service (project, goal, classes, deadline, optional webhook)', permission: 'orders:manage',
    body: z.object({
      projectId: z.string().min(1).max(64),
      goal: z.string().trim().min(3, 'describe the goal in a few words').max(5000),
      classes: z.array(z.string().trim().min(1).max(100)).min(1, 'name at least one class').max(64),
      deadline: z.iso.datetime().optional(),
      webhookUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
    }),
    successStatus: 201,
  },
  ({ db, actor, body }) => createOrder(db, actor, body),
);

export const getOrders = withOrg(
  { method: 'GET', path: '/api/v1/orgs/{orgId}/orders', summary: "The organisation's model orders", permission: 'orders:read' },
  async ({ db, actor }) => ({ orders: await listOrders(db, actor) }),
);

export const getOrderById = withOrg(
  { method: 'GET', path: ORDER, summary: 'A model order with its quote and state', permission: 'orders:read' },
  ({ db, actor, params }) => getOrder(db, actor, p(params, 'orderId')),
);

export const postOrderExample = withOrg(
  {
    method: 'POST', path: `${ORDER}/examples`, summary: 'Attach an example image (file as the body; ?fileName=)', permission: 'orders:manage',
    query: z.object({ fileName: z.string().min(1).max(200) }), successStatus: 201,
  },
  async ({ db, actor, params, query, req }) => addOrderExample(db, storage(), actor, p(params, 'orderId'), { fileName: query.fileName, bytes: await readUpload(req, MAX_IMAGE_UPLOAD_BYTES) }),
);

export const postOrderAcceptance = withOrg(
  { method: 'POST', path: `${ORDER}/accept`, summary: "Accept the quote: the service team gets time-limited access to the order's project only", permission: 'orders:manage' },
  ({ db, actor, params }) => acceptOrder(db, actor, p(params, 'orderId')),
);

export const postOrderCancellation = withOrg(
  { method: 'POST', path: `${ORDER}/cancel`, summary: 'Cancel an order (ends any service access)', permission: 'orders:manage' },
  ({ db, actor, params }) => cancelOrder(db, actor, p(params, 'orderId')),
);

export const getNotifications = withOrg(
  { method: 'GET', path: '/api/v1/orgs/{orgId}/notifications', summary: 'In-app notifications (order quoted, delivered, …)', permission: 'org:read' },
  async ({ db, actor }) => ({ notifications: await listNotifications(db, actor) }),
);

export const getServiceQueue = withUser(
  { method: 'GET', path: '/api/v1/service/orders', summary: "Service team: every organisation's open model orders" },
  async ({ db, userId }) => {
    await requireStaff(db, userId);
    return { orders: await unsafeListOrderQueue(db) };
  },
);

export const postServiceQuote = withUser(
  {
    method: 'POST', path: `${SERVICE}/quote`, summary: 'Service team: send a quote',
    body: z.object({ amountCents: z.number().int().min(0).max(1e9), currency: z.string().regex(/^[A-Z]{3}$/, 'a 3-letter currency code'), note: z.string().max(5000).optional() }),
  },
  async ({ db, userId, params, body }) => {
    await requireStaff(db, userId);
    return quoteOrder(db, userId, p(params, 'orderId'), body);
  },
);

export const postServiceStart = withUser(
  { method: 'POST', path: `${SERVICE}/start`, summary: 'Service team: start work on an accepted order' },
  async ({ db, userId, params }) => {
    await requireStaff(db, userId);
    return startOrder(db, userId, p(params, 'orderId'));
  },
);

export const getServiceProject = withUser(
  { method: 'GET', path: `${SERVICE}/project`, summary: "Service team: the order's project, while access is granted (audited)" },
  async ({ db, userId, params }) => {
    await requireStaff(db, userId);
    return staffProject(db, userId, p(params, 'orderId'));
  },
);

export const postServiceDelivery = withUser(
  {
    method: 'POST', path: `${SERVICE}/deliveries`, summary: 'Service team: deliver the model (.czann as the body; ?fileName=&modelName=)',
    query: z.object({ fileName: z.string().min(1).max(200), modelName: z.string().min(1).max(100).optional() }), successStatus: 201,
  },
  async ({ db, userId, params, query, req }) => {
    await requireStaff(db, userId);
    return deliverOrder(db, storage(), userId, p(params, 'orderId'), { fileName: query.fileName, modelName: query.modelName, bytes: await readUpload(req, MAX_MODEL_BYTES) });
  },
);
