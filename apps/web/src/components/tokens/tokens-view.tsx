'use client';
import { useState } from 'react';
import type { ApiToken } from '@/lib/api-types';
import { api } from '@/lib/api-client';
import { apiPaths } from '@/lib/routes';
import { formatDate, formatDateTime } from '@/lib/format';
import { useResource } from '@/lib/use-resource';
import { useOrg } from '@/components/app/org-context';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Badge, Card, PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { CreateTokenDialog } from './create-token-dialog';

function tokenState(t: ApiToken, now: number): { label: string; tone: 'emerald' | 'red' | 'amber' } {
  if (t.revokedAt) return { label: 'Revoked', tone: 'red' };
  if (t.expiresAt && new Date(t.expiresAt).getTime() <= now) return { label: 'Expired', tone: 'amber' };
  return { label: 'Active', tone: 'emerald' };
}

export function TokensView() {
  const { org } = useOrg();
  const { data, error, reload } = useResource<{ tokens: ApiToken[] }>(apiPaths.tokens(org.id));
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const now = Date.now();
  const tokens = data?.tokens ?? [];
  const newButton = <Button onClick={() => setCreating(true)}>New token</Button>;

  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Personal tokens for scripts and tools, sent as <code className="rounded bg-slate-100 px-1 py-0.5 text-xs">Authorization: Bearer tsr_…</code>.
            They act as you, in {org.name} only.
          </>
        }
        actions={newButton}
      />
      {error && <ErrorState message={error} onRetry={() => void reload()} />}
      {!error && !data && <LoadingState label="Loading tokens…" />}
      {data && tokens.length === 0 && (
        <EmptyState title="No API tokens" action={newButton}>
          Create a token to use the Tessera API from scripts, notebooks or the command line.
        </EmptyState>
      )}
      {tokens.length > 0 && (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Your API tokens in {org.name}</caption>
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">Name</th>
                <th scope="col" className="px-4 py-3 font-medium">Scopes</th>
                <th scope="col" className="px-4 py-3 font-medium">Last used</th>
                <th scope="col" className="hidden px-4 py-3 font-medium md:table-cell">Expires</th>
                <th scope="col" className="px-4 py-3 font-medium">Status</th>
                <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.map((t) => {
                const state = tokenState(t, now);
                return (
                  <tr key={t.id} className={state.label === 'Active' ? '' : 'text-slate-500'}>
                    <td className="px-4 py-3">
                      <p className="font-medium text-slate-900">{t.name}</p>
                      <p className="font-mono text-xs text-slate-500">{t.prefix}…</p>
                    </td>
                    <td className="px-4 py-3">{t.scopes.join(', ')}</td>
                    <td className="px-4 py-3">{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</td>
                    <td className="hidden px-4 py-3 md:table-cell">{t.expiresAt ? formatDate(t.expiresAt) : 'Never'}</td>
                    <td className="px-4 py-3"><Badge tone={state.tone}>{state.label}</Badge></td>
                    <td className="px-4 py-3 text-right">
                      {state.label === 'Active' && (
                        <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50" onClick={() => setRevoking(t)} aria-label={`Revoke ${t.name}`}>
                          Revoke
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Card>
      )}
      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} onCreated={() => void reload()} />
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={`Revoke ${revoking?.name ?? 'token'}?`}
        confirmLabel="Revoke token"
        onConfirm={async () => {
          if (!revoking) return;
          await api.delete(apiPaths.token(org.id, revoking.id));
          await reload();
        }}
      >
        Scripts using this token stop working straight away. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
