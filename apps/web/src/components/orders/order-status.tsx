import { Badge } from '@/components/ui/page-header';
import { ORDER_LABEL, ORDER_STEPS, ORDER_TONE, type OrderStatus } from './orders-api';

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
