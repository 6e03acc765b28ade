'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import type { Member, Role } from '@/lib/api-types';
import { api, errorMessage } from '@/lib/api-client';
import { apiPaths } from '@/lib/routes';
import { ROLE_LABELS, assignableRoles, canManage } from '@/lib/roles';
import { formatDate } from '@/lib/format';
import { useOrg } from '@/components/app/org-context';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { controlClass } from '@/components/ui/field';
import { Card } from '@/components/ui/page-header';

type Props = { members: Member[]; onChanged: () => Promise<void> };

export function MembersTable({ members, onChanged }: Props) {
  const { org, user } = useOrg();
  const router = useRouter();
  const manager = canManage(org.role);
  const [rowError, setRowError] = useState<{ userId: string; message: string } | null>(null);
  const [savingId, setSavingId] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);

  /** An ADMIN may not change or remove an OWNER; nobody manages themselves here (use Leave). */
  const canEdit = (m: Member) => manager && m.userId !== user.id && (org.role === 'OWNER' || m.role !== 'OWNER');

  const changeRole = async (m: Member, role: Role) => {
    setSavingId(m.userId);
    setRowError(null);
    try {
      await api.patch<Member>(apiPaths.member(org.id, m.userId), { role });
      await onChanged();
      router.refresh();
    } catch (e) {
      setRowError({ userId: m.userId, message: errorMessage(e) });
      await onChanged();
    } finally {
      setSavingId(null);
    }
  };

  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Members of {org.name}</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Name</th>
            <th scope="col" className="px-4 py-3 font-medium">Role</th>
            <th scope="col" className="hidden px-4 py-3 font-medium md:table-cell">Joined</th>
            <th scope="col" className="px-4 py-3 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((m) => (
            <tr key={m.userId}>
              <td className="px-4 py-3">
                <p className="font-medium text-slate-900">
                  {m.name}
                  {m.userId === user.id && <span className="ml-1.5 text-xs font-normal text-slate-500">(you)</span>}
                </p>
                <p className="text-slate-500">{m.email}</p>
              </td>
              <td className="px-4 py-3">
                {canEdit(m) ? (
                  <select
                    value={m.role}
                    disabled={savingId === m.userId}
                    onChange={(e) => void changeRole(m, e.target.value as Role)}
                    aria-label={`Role of ${m.name}`}
                    aria-describedby={rowError?.userId === m.userId ? `role-error-${m.userId}` : undefined}
                    className={`${controlClass} w-36`}
                  >
                    {assignableRoles(org.role).map((r) => (
                      <option key={r} value={r}>{ROLE_LABELS[r]}</option>
                    ))}
                  </select>
                ) : (
                  <span className="text-slate-700">{ROLE_LABELS[m.role]}</span>
                )}
                {rowError?.userId === m.userId && (
                  <p id={`role-error-${m.userId}`} role="alert" className="mt-1 text-sm text-red-700">
                    {rowError.message}
                  </p>
                )}
              </td>
              <td className="hidden px-4 py-3 text-slate-600 md:table-cell">{formatDate(m.joinedAt)}</td>
              <td className="px-4 py-3 text-right">
                {canEdit(m) && (
                  <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50" onClick={() => setRemoving(m)} aria-label={`Remove ${m.name}`}>
                    Remove
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={`Remove ${removing?.name ?? 'member'}?`}
        confirmLabel="Remove member"
        onConfirm={async () => {
          if (!removing) return;
          await api.delete(apiPaths.member(org.id, removing.userId));
          await onChanged();
        }}
      >
        {removing?.name} ({removing?.email}) loses access to {org.name} and its projects straight away.
      </ConfirmDialog>
    </Card>
  );
}
