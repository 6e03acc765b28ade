import type { ReactNode } from 'react';
import { formatDate } from '@/lib/format';
import { Badge, Card } from '@/components/ui/page-header';
import { ORDER_LABEL, ORDER_STEPS, ORDER_TONE, type Order, type OrderStatus } from './orders-api';

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <Badge tone={ORDER_TONE[status]}>{ORDER_LABEL[status]}</Badge>;
}

/** The order's path through its states; the current one is marked for screen readers too. */
export function OrderSteps({ status }: { status: OrderStatus }) {
  if (status === 'CANCELLED') return <p className="text-sm font-medium text-red-700">This order was cancelled.</p>;
  const at = ORDER_STEPS.indexOf(status);
  return (
    <ol aria-label="Order progress" className="flex flex-wrap gap-2 text-xs">
      {ORDER_STEPS.map((s, i) => (
        <li key={s} aria-current={i === at ? 'step' : undefined}
          className={`rounded-full px-2.5 py-1 ring-1 ring-inset ${i < at ? 'bg-indigo-50 text-indigo-700 ring-indigo-200' : i === at ? 'bg-indigo-600 font-semibold text-white ring-indigo-600' : 'text-slate-500 ring-slate-200'}`}>
          {ORDER_LABEL[s]}
        </li>
      ))}
    </ol>
  );
}

/** What both sides of an order see first: its status, its path, and what was ordered; `children` add rows. */
export function OrderSummary({ order, children }: { order: Order; children?: ReactNode }) {
  return (
    <Card className="space-y-4 p-5">
      <div className="flex flex-wrap items-center gap-3"><span className="text-sm font-medium text-slate-800">Status</span><OrderStatusBadge status={order.status} /></div>
      <OrderSteps status={order.status} />
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <OrderRow title="Goal">{order.goal}</OrderRow>
        <OrderRow title="Classes">{order.classes.join(', ')}</OrderRow>
        <OrderRow title="Deadline">{formatDate(order.deadline)}</OrderRow>
        <OrderRow title="Example images">{order.examples.length === 0 ? 'None' : order.examples.map((e) => e.name).join(', ')}</OrderRow>
        {children}
      </dl>
    </Card>
  );
}

export function OrderRow({ title, children }: { title: string; children: ReactNode }) {
  return <div><dt className="font-medium text-slate-800">{title}</dt><dd className="mt-0.5 break-words text-slate-700">{children}</dd></div>;
}
