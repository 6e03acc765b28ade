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
import { Card } from '@/components/ui/page-header';
import { RoleEditor } from './role-editor';

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

  const changeRole = async (m: Member, role: Role): Promise<boolean> => {
    setSavingId(m.userId);
    setRowError(null);
    try {
      await api.patch<Member>(apiPaths.member(org.id, m.userId), { role });
      await onChanged();
      router.refresh();
      return true;
    } catch (e) {
      setRowError({ userId: m.userId, message: errorMessage(e) });
      return false;
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
                  <RoleEditor
                    member={m}
                    roles={assignableRoles(org.role)}
                    saving={savingId === m.userId}
                    error={rowError?.userId === m.userId ? rowError.message : null}
                    onSave={(role) => changeRole(m, role)}
                  />
                ) : (
                  <span className="text-slate-700">{ROLE_LABELS[m.role]}</span>
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
