'use client';
import Link from 'next/link';
import { useOrg } from '@/components/app/org-context';
import { canManage } from '@/lib/roles';
import { formatDate } from '@/lib/format';
import { useResource } from '@/lib/use-resource';
import { ButtonLink } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { OrderStatusBadge } from './order-status';
import { formatMoney, orderPages, orderPaths, type Order } from './orders-api';

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
                <Link href={orderPages.detail(org.id, o.id)} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600">
                  <span className="min-w-0">
                    <span className="block truncate font-medium text-slate-900">{o.goal}</span>
                    <span className="text-xs text-slate-500">{o.classes.join(', ')} · ordered {formatDate(o.createdAt)}{o.deadline && ` · due ${formatDate(o.deadline)}`}</span>
                  </span>
                  <span className="flex items-center gap-3 text-sm text-slate-600">
                    {o.quote && <span>{formatMoney(o.quote)}</span>}
                    <OrderStatusBadge status={o.status} />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
