'use client';
import { useOrg } from '@/components/app/org-context';
import { canManage } from '@/lib/roles';
import { useResource } from '@/lib/use-resource';
import { ButtonLink } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { OrderRow } from './order-row';
import { orderPages, orderPaths, type Order } from './orders-api';

/** The organisation's model orders. */
export function OrdersView() {
  const { org } = useOrg();
  const orders = useResource<{ orders: Order[] }>(orderPaths.orders(org.id));
  if (orders.error) return <ErrorState message={orders.error} onRetry={orders.reload} />;
  if (!orders.data) return <LoadingState />;
  const action = canManage(org.role) ? <ButtonLink href={orderPages.create(org.id)}>Order a model</ButtonLink> : undefined;
  return (
    <>
      <PageHeader title="Model orders" description="No time to label and train? Order a model: the service team quotes, trains it in your project and delivers it." actions={action} />
      {orders.data.orders.length === 0 ? <EmptyState title="No orders yet" action={action}>Describe what the model should find and the service team sends you a quote.</EmptyState> : (
        <Card>
          <ul aria-label="Orders" className="divide-y divide-slate-100">
            {orders.data.orders.map((o) => (
              <li key={o.id}>
                <OrderRow href={orderPages.detail(org.id, o.id)} order={o} />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
