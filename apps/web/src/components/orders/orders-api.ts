/** Client-side shapes and paths of the model-service API (server: src/server/api/endpoints/orders.ts). */
const enc = encodeURIComponent;

export type OrderStatus = 'REQUESTED' | 'QUOTED' | 'ACCEPTED' | 'IN_PROGRESS' | 'DELIVERED' | 'CANCELLED';
export const ORDER_STEPS: OrderStatus[] = ['REQUESTED', 'QUOTED', 'ACCEPTED', 'IN_PROGRESS', 'DELIVERED'];

export interface Order {
  id: string; projectId: string; status: OrderStatus; goal: string; classes: string[];
  examples: { name: string; bytes: number }[]; deadline: string | null; webhookUrl: string | null;
  quote: { amountCents: number; currency: string | null; note: string | null } | null;
  deliveredVersionId: string | null; access: { expiresAt: string; revokedAt: string | null }[];
  createdAt: string; updatedAt: string;
}
export interface QueuedOrder extends Order { organizationId: string; organizationName: string; projectName: string }
export interface Notification { id: string; kind: string; title: string; link: string | null; readAt: string | null; createdAt: string }
export interface ServiceProject {
  project: { id: string; name: string; description: string | null; kind: string; labelClasses: { name: string; color: string }[] };
  order: Order; accessExpiresAt: string;
}

const org = (orgId: string) => `/api/v1/orgs/${enc(orgId)}`;
const service = (orderId: string) => `/api/v1/service/orders/${enc(orderId)}`;

export const orderPaths = {
  orders: (orgId: string) => `${org(orgId)}/orders`,
  order: (orgId: string, orderId: string) => `${org(orgId)}/orders/${enc(orderId)}`,
  examples: (orgId: string, orderId: string, fileName: string) => `${org(orgId)}/orders/${enc(orderId)}/examples?fileName=${enc(fileName)}`,
  accept: (orgId: string, orderId: string) => `${org(orgId)}/orders/${enc(orderId)}/accept`,
  cancel: (orgId: string, orderId: string) => `${org(orgId)}/orders/${enc(orderId)}/cancel`,
  notifications: (orgId: string) => `${org(orgId)}/notifications`,
  queue: () => '/api/v1/service/orders',
  quote: (orderId: string) => `${service(orderId)}/quote`,
  start: (orderId: string) => `${service(orderId)}/start`,
  serviceProject: (orderId: string) => `${service(orderId)}/project`,
  deliveries: (orderId: string, fileName: string, modelName?: string) =>
    `${service(orderId)}/deliveries?${new URLSearchParams({ fileName, ...(modelName ? { modelName } : {}) })}`,
};

export const orderPages = {
  list: (orgId: string) => `/o/${enc(orgId)}/orders`,
  create: (orgId: string) => `/o/${enc(orgId)}/orders/new`,
  detail: (orgId: string, orderId: string) => `/o/${enc(orgId)}/orders/${enc(orderId)}`,
  queue: () => '/service',
  serviceOrder: (orderId: string) => `/service/orders/${enc(orderId)}`,
};

export const ORDER_LABEL: Record<OrderStatus, string> = {
  REQUESTED: 'requested', QUOTED: 'quoted', ACCEPTED: 'accepted', IN_PROGRESS: 'in progress', DELIVERED: 'delivered', CANCELLED: 'cancelled',
};
export const ORDER_TONE: Record<OrderStatus, 'slate' | 'indigo' | 'amber' | 'red' | 'emerald'> = {
  REQUESTED: 'slate', QUOTED: 'amber', ACCEPTED: 'indigo', IN_PROGRESS: 'indigo', DELIVERED: 'emerald', CANCELLED: 'red',
};

export function formatMoney(q: Order['quote']): string {
  if (!q) return '—';
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency: q.currency ?? 'EUR' }).format(q.amountCents / 100);
  } catch {
    return `${(q.amountCents / 100).toFixed(2)} ${q.currency ?? ''}`.trim();
  }
}
