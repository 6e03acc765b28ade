'use client';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Invitation, Role } from '@/lib/api-types';
import { api } from '@/lib/api-client';
import { useSubmit } from '@/lib/use-submit';
import { apiPaths } from '@/lib/routes';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, assignableRoles } from '@/lib/roles';
import { formatDate } from '@/lib/format';
import { useOrg } from '@/components/app/org-context';
import { Alert, FormError } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyField } from '@/components/ui/copy-field';
import { Dialog } from '@/components/ui/dialog';
import { SelectField, TextField } from '@/components/ui/field';

type Created = { invitation: Invitation; url: string };
type Props = { open: boolean; onClose: () => void; onCreated: () => void };

/** Creates an invitation link for a role; the link is shown once, with a copy button. */
export function InviteDialog({ open, onClose, onCreated }: Props) {
  const { org } = useOrg();
  const [role, setRole] = useState<Role>('ANNOTATOR');
  const [created, setCreated] = useState<Created | null>(null);
  const { pending, error, fields, reset, submit } = useSubmit(['role', 'email']);

  const close = () => {
    if (pending) return;
    setCreated(null);
    reset();
    onClose();
  };

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get('email') ?? '').trim();
    await submit(async () => {
      setCreated(await api.post<Created>(apiPaths.invitations(org.id), email ? { role, email } : { role }));
      onCreated();
    });
  };

  return (
    <Dialog open={open} onClose={close} title={`Invite people to ${org.name}`} description="Anyone with the link can join with the role you choose.">
      {created ? (
        <div className="space-y-5">
          <Alert tone="success" title="Invitation link created">
            It lets one person join as {ROLE_LABELS[created.invitation.role]} until {formatDate(created.invitation.expiresAt)}. This is the only time
            the link is shown: copy it now and send it to them.
          </Alert>
          <CopyField label="Invitation link" value={created.url} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setCreated(null)}>
              Create another
            </Button>
            <Button onClick={close}>Done</Button>
          </div>
        </div>
      ) : (
        <form onSubmit={(e) => void onSubmit(e)} className="space-y-5">
          <SelectField
            label="Role"
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            hint={ROLE_DESCRIPTIONS[role]}
            error={fields.role}
            data-autofocus
          >
            {assignableRoles(org.role).map((r) => (
              <option key={r} value={r}>{ROLE_LABELS[r]}</option>
            ))}
          </SelectField>
          <TextField label="Email (optional)" name="email" type="email" hint="Only for your records; the link works for whoever opens it." error={fields.email} />
          <FormError message={error} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" pending={pending}>
              Create invite link
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
