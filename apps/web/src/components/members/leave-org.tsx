'use client';
import { useState } from 'react';
import { api } from '@/lib/api-client';
import { apiPaths } from '@/lib/routes';
import { useOrg } from '@/components/app/org-context';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

/** Leave the organisation; the API refuses for the last owner and its message is shown in the dialog. */
export function LeaveOrg() {
  const { org, user } = useOrg();
  const [open, setOpen] = useState(false);
  return (
    <div className="flex flex-wrap items-center justify-between gap-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <p className="text-sm text-slate-600">You lose access to {org.name} and its projects. An owner or admin can invite you again.</p>
      <Button variant="secondary" className="text-red-700" onClick={() => setOpen(true)}>
        Leave organisation
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Leave ${org.name}?`}
        confirmLabel="Leave organisation"
        onConfirm={async () => {
          await api.delete(apiPaths.member(org.id, user.id));
          window.location.assign('/');
        }}
      >
        You will no longer see {org.name} or its projects.
      </ConfirmDialog>
    </div>
  );
}
