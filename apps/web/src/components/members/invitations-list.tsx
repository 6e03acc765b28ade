'use client';
import { useEffect, useState } from 'react';
import type { Invitation } from '@/lib/api-types';
import { api } from '@/lib/api-client';
import { apiPaths } from '@/lib/routes';
import { ROLE_LABELS } from '@/lib/roles';
import { formatDate } from '@/lib/format';
import { useResource } from '@/lib/use-resource';
import { useOrg } from '@/components/app/org-context';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Card } from '@/components/ui/page-header';
import { ErrorState, LoadingState } from '@/components/ui/states';

function isOpen(i: Invitation, now: number): boolean {
  return !i.acceptedAt && !i.revokedAt && new Date(i.expiresAt).getTime() > now;
}

/** Open invitations with revoke; `version` bumps when a new one was created. */
export function InvitationsList({ version }: { version: number }) {
  const { org } = useOrg();
  const { data, error, reload } = useResource<{ invitations: Invitation[] }>(apiPaths.invitations(org.id));
  const [revoking, setRevoking] = useState<Invitation | null>(null);

  useEffect(() => {
    if (version > 0) void reload();
  }, [version, reload]);

  if (error) return <ErrorState message={error} onRetry={() => void reload()} />;
  if (!data) return <LoadingState label="Loading invitations…" />;
  const now = Date.now();
  const open = data.invitations.filter((i) => isOpen(i, now));
  if (open.length === 0) return <p className="text-sm text-slate-500">No open invitations.</p>;

  return (
    <Card>
      <ul aria-label="Open invitations" className="divide-y divide-slate-100">
        {open.map((i) => (
          <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
            <div>
              <p className="font-medium text-slate-900">
                {ROLE_LABELS[i.role]} invitation{i.email ? ` for ${i.email}` : ''}
              </p>
              <p className="text-slate-500">
                Created {formatDate(i.createdAt)} · expires {formatDate(i.expiresAt)}
              </p>
            </div>
            <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50" onClick={() => setRevoking(i)}>
              Revoke
            </Button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title="Revoke this invitation?"
        confirmLabel="Revoke link"
        onConfirm={async () => {
          if (!revoking) return;
          await api.delete(apiPaths.invitation(org.id, revoking.id));
          await reload();
        }}
      >
        The link stops working straight away. People who already joined keep their access.
      </ConfirmDialog>
    </Card>
  );
}
