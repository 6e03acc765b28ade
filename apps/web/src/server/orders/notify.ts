import type { Tx } from '../actor';

/** An in-app notification for every member of the organisation (userId null). */
export async function notifyOrg(tx: Tx, organizationId: string, n: { kind: string; title: string; link?: string }) {
  await tx.notification.create({ data: { organizationId, kind: n.kind, title: n.title, link: n.link ?? null } });
}

/**
 * POSTs an order event to the customer's webhook, when one is configured. Best effort after the change is committed:
 * a slow or failing receiver never blocks or undoes the change. Returns the HTTP status (or null).
 */
export async function sendWebhook(url: string | null, event: { type: string; orderId: string; status: string; versionId?: string | null }): Promise<number | null> {
  if (!url) return null;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Tessera-Webhook/1' },
      body: JSON.stringify({ ...event, sentAt: new Date().toISOString() }),
      signal: AbortSignal.timeout(5000),
    });
    return res.status;
  } catch {
    return null;
  }
}
