import Link from 'next/link';
import { formatDate } from '@/lib/format';
import { OrderStatusBadge } from './order-status';
import { formatMoney, type Order } from './orders-api';

/** One order in a list (the customer's orders, the service team's queue); `context` prefixes the detail line. */
export function OrderRow({ href, order: o, context }: { href: string; order: Order; context?: string }) {
  return (
    <Link href={href} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600">
      <span className="min-w-0">
        <span className="block truncate font-medium text-slate-900">{o.goal}</span>
        <span className="text-xs text-slate-500">{context && `${context} · `}{o.classes.join(', ')} · ordered {formatDate(o.createdAt)}{o.deadline && ` · due ${formatDate(o.deadline)}`}</span>
      </span>
      <span className="flex items-center gap-3 text-sm text-slate-600">
        {o.quote && <span>{formatMoney(o.quote)}</span>}
        <OrderStatusBadge status={o.status} />
      </span>
    </Link>
  );
}
