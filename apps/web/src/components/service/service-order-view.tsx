'use client';
import Link from 'next/link';
import { useState } from 'react';
import { api } from '@/lib/api-client';
import { useSubmit } from '@/lib/use-submit';
import { formatDateTime } from '@/lib/format';
import { pages } from '@/lib/routes';
import { useResource } from '@/lib/use-resource';
import { OrderRow, OrderSummary } from '@/components/orders/order-status';
import { formatMoney, orderPages, orderPaths, type QueuedOrder, type ServiceProject } from '@/components/orders/orders-api';
import { Alert, FormError } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, PageHeader, Section } from '@/components/ui/page-header';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { DeliverForm } from './deliver-form';
import { QuoteForm } from './quote-form';

/** One order for the service team: quote it, start it once accepted, open the granted project, deliver the model. */
export function ServiceOrderView({ orderId }: { orderId: string }) {
  const queue = useResource<{ orders: QueuedOrder[] }>(orderPaths.queue());
  const { pending, error, submit } = useSubmit([]);
  const [delivered, setDelivered] = useState<string | null>(null);
  const o = queue.data?.orders.find((x) => x.id === orderId);
  const granted = o && (o.status === 'ACCEPTED' || o.status === 'IN_PROGRESS');
  const access = useResource<ServiceProject>(granted ? orderPaths.serviceProject(orderId) : null);
  if (queue.error) return <ErrorState message={queue.error} onRetry={queue.reload} />;
  if (!queue.data) return <LoadingState />;
  if (!o) return <ErrorState message="This order is not in the queue (it may have been cancelled)." />;

  const start = () => submit(async () => { await api.post(orderPaths.start(o.id)); await queue.reload(); });
  return (
    <>
      <PageHeader title={`Order from ${o.organizationName}`} description={<Link href={orderPages.queue()} className="font-medium text-indigo-700 hover:underline">Back to the queue</Link>} />
      <div className="space-y-8">
        <OrderSummary order={o}>
          <OrderRow title="Project">{o.projectName}</OrderRow>
          <OrderRow title="Quote">{formatMoney(o.quote)}</OrderRow>
        </OrderSummary>
        <FormError message={error} />
        {(o.status === 'REQUESTED' || o.status === 'QUOTED') && (
          <Section id="quote" title={o.status === 'QUOTED' ? 'Quote sent: waiting for the customer' : 'Send a quote'}>
            <Card className="p-5"><QuoteForm order={o} onQuoted={() => void queue.reload()} /></Card>
          </Section>
        )}
        {granted && (
          <Section id="work" title="Work in the customer's project" description="Access is time-limited, audited, and covers this project only, as an annotator.">
            <Card className="space-y-4 p-5">
              {access.error && <Alert tone="error">{access.error}</Alert>}
              {access.data && (
                <p className="text-sm text-slate-700">
                  <Link href={pages.project(o.organizationId, access.data.project.id)} className="font-medium text-indigo-700 hover:underline">Open project {access.data.project.name}</Link>
                  {' '}· access until {formatDateTime(access.data.accessExpiresAt)}
                </p>
              )}
              {o.status === 'ACCEPTED' && <Button onClick={() => void start()} pending={pending}>Start work</Button>}
              {o.status === 'IN_PROGRESS' && (
                <DeliverForm orderId={o.id} onDelivered={(r) => { setDelivered(r.webhookStatus === null ? 'Delivered. The customer was notified in the app.' : `Delivered. The customer was notified in the app and by webhook (HTTP ${r.webhookStatus}).`); void queue.reload(); }} />
              )}
            </Card>
          </Section>
        )}
        {(delivered || o.status === 'DELIVERED') && <Alert tone="success" title="Model delivered">{delivered ?? 'The customer can download it; the team’s access to the project has ended.'}</Alert>}
      </div>
    </>
  );
}
