'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useOrg } from '@/components/app/org-context';
import { api } from '@/lib/api-client';
import { canManage } from '@/lib/roles';
import { formatDateTime } from '@/lib/format';
import { useResource } from '@/lib/use-resource';
import { modelPages, modelPaths, type Model } from '@/components/models/models-api';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { PageHeader } from '@/components/ui/page-header';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { OrderRow, OrderSummary } from './order-status';
import { formatMoney, orderPages, orderPaths, type Order } from './orders-api';

/** One order as the customer sees it: state, quote (accept), cancel, and the delivered model. */
export function OrderView({ orderId }: { orderId: string }) {
  const { org } = useOrg();
  const order = useResource<Order>(orderPaths.order(org.id, orderId));
  const [dialog, setDialog] = useState<'accept' | 'cancel' | null>(null);
  if (order.error) return <ErrorState message={order.error} onRetry={order.reload} />;
  if (!order.data) return <LoadingState />;
  const o = order.data;
  const manage = canManage(org.role);
  const open = o.status !== 'DELIVERED' && o.status !== 'CANCELLED';
  const grant = o.access.find((g) => !g.revokedAt);
  return (
    <>
      <PageHeader title="Model order" description={<Link href={orderPages.list(org.id)} className="font-medium text-indigo-700 hover:underline">All orders</Link>}
        actions={manage && open ? <Button variant="secondary" onClick={() => setDialog('cancel')}>Cancel order</Button> : undefined} />
      <div className="space-y-6">
        <OrderSummary order={o}>
          <OrderRow title="Ordered">{formatDateTime(o.createdAt)}</OrderRow>
          <OrderRow title="Webhook">{o.webhookUrl ?? 'None'}</OrderRow>
          {grant && <OrderRow title="Service team access">until {formatDateTime(grant.expiresAt)} (this project only)</OrderRow>}
        </OrderSummary>
        {o.quote && (
          <section aria-label="Quote" className="space-y-3 p-5 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            <h2 className="text-base font-semibold text-slate-900">Quote: {formatMoney(o.quote)}</h2>
            {o.quote.note && <p className="whitespace-pre-wrap text-sm text-slate-700">{o.quote.note}</p>}
            {o.status === 'QUOTED' && manage && (
              <div className="flex flex-wrap items-center gap-3">
                <Button onClick={() => setDialog('accept')}>Accept quote</Button>
                <p className="text-xs text-slate-500">Accepting lets the service team into this order&apos;s project (and nothing else) for 30 days, audited.</p>
              </div>
            )}
          </section>
        )}
        {o.deliveredVersionId && <Delivered orgId={org.id} order={o} />}
      </div>
      <ConfirmDialog open={dialog === 'accept'} onClose={() => setDialog(null)} title="Accept the quote?" confirmLabel="Accept quote" destructive={false}
        onConfirm={async () => { await api.post(orderPaths.accept(org.id, o.id)); await order.reload(); }}>
        The service team gets time-limited, audited access to the order&apos;s project only, as annotators, until it delivers the model.
      </ConfirmDialog>
      <ConfirmDialog open={dialog === 'cancel'} onClose={() => setDialog(null)} title="Cancel this order?" confirmLabel="Cancel order"
        onConfirm={async () => { await api.post(orderPaths.cancel(org.id, o.id)); await order.reload(); }}>
        The order is cancelled and any access of the service team to the project ends now.
      </ConfirmDialog>
    </>
  );
}

/** The delivered model: found among the project's models by its version id. */
function Delivered({ orgId, order }: { orgId: string; order: Order }) {
  const models = useResource<{ models: Model[] }>(modelPaths.projectModels(orgId, order.projectId));
  const model = models.data?.models.find((m) => m.versions.some((v) => v.id === order.deliveredVersionId));
  const version = model?.versions.find((v) => v.id === order.deliveredVersionId);
  return (
    <section aria-label="Delivered model" className="space-y-2 p-5 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <h2 className="text-base font-semibold text-slate-900">Your model is ready</h2>
      {model && version ? (
        <p className="text-sm text-slate-700">
          <Link href={modelPages.model(orgId, model.id)} className="font-medium text-indigo-700 hover:underline">{model.name} v{version.number}</Link>
          {' '}({version.modelType}): package it as .czann or a container bundle and download it from the model page.
        </p>
      ) : <p className="text-sm text-slate-500">{models.error ?? 'Loading the model…'}</p>}
    </section>
  );
}
