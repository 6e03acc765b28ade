'use client';
import type { AuditEvent } from '@/lib/api-types';
import { apiPaths } from '@/lib/routes';
import { describeAction, formatDateTime } from '@/lib/format';
import { useResource } from '@/lib/use-resource';
import { useOrg } from '@/components/app/org-context';
import { Card } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';

function summarise(data: unknown): string {
  if (!data || typeof data !== 'object') return '';
  return Object.entries(data as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(' · ');
}

export function AuditLog() {
  const { org } = useOrg();
  const { data, error, reload } = useResource<{ events: AuditEvent[] }>(apiPaths.auditEvents(org.id));
  if (error) return <ErrorState message={error} onRetry={() => void reload()} />;
  if (!data) return <LoadingState label="Loading activity…" />;
  if (data.events.length === 0) return <EmptyState title="No activity yet" />;
  return (
    <Card>
      <ol aria-label="Audit events" className="divide-y divide-slate-100">
        {data.events.map((e) => (
          <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3 text-sm">
            <div className="min-w-0">
              <p className="text-slate-900">
                <span className="font-medium">{describeAction(e.action)}</span>
                {e.actorName && <span className="text-slate-600"> by {e.actorName}</span>}
              </p>
              {summarise(e.data) && <p className="truncate text-xs text-slate-500">{summarise(e.data)}</p>}
            </div>
            <time dateTime={e.createdAt} className="shrink-0 text-xs text-slate-500">
              {formatDateTime(e.createdAt)}
            </time>
          </li>
        ))}
      </ol>
    </Card>
  );
}
