'use client';
import { useResource } from '@/lib/use-resource';
import { OrderRow } from '@/components/orders/order-row';
import { orderPages, orderPaths, type QueuedOrder } from '@/components/orders/orders-api';
import { Card, PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';

/** The platform service team's queue: every organisation's open orders, oldest first. */
export function ServiceQueue() {
  const queue = useResource<{ orders: QueuedOrder[] }>(orderPaths.queue());
  if (queue.error) return <ErrorState message={queue.error} onRetry={queue.reload} />;
  if (!queue.data) return <LoadingState />;
  const open = queue.data.orders.filter((o) => o.status !== 'DELIVERED');
  const done = queue.data.orders.filter((o) => o.status === 'DELIVERED');
  return (
    <>
      <PageHeader title="Service queue" description="Model orders from every organisation. Quote, start once accepted, label and train in the granted project, deliver." />
      {open.length === 0 ? <EmptyState title="The queue is empty">No open model orders.</EmptyState> : <OrderList label="Open orders" orders={open} />}
      {done.length > 0 && <div className="mt-8"><h2 className="mb-2 text-base font-semibold text-slate-900">Delivered</h2><OrderList label="Delivered orders" orders={done} /></div>}
    </>
  );
}

function OrderList({ label, orders }: { label: string; orders: QueuedOrder[] }) {
  return (
    <Card>
      <ul aria-label={label} className="divide-y divide-slate-100">
        {orders.map((o) => (
          <li key={o.id}>
            <OrderRow href={orderPages.serviceOrder(o.id)} order={o} context={`${o.organizationName} · ${o.projectName}`} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
