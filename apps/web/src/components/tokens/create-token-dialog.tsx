'use client';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiToken, TokenScope } from '@/lib/api-types';
import { api } from '@/lib/api-client';
import { useSubmit } from '@/lib/use-submit';
import { apiPaths } from '@/lib/routes';
import { useOrg } from '@/components/app/org-context';
import { Alert, FormError } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyField } from '@/components/ui/copy-field';
import { Dialog } from '@/components/ui/dialog';
import { SelectField, TextField } from '@/components/ui/field';

type Created = { token: ApiToken; secret: string };
type Props = { open: boolean; onClose: () => void; onCreated: () => void };

const SCOPES: { value: TokenScope; label: string; hint: string }[] = [
  { value: 'read', label: 'Read', hint: 'List and download projects, images and models.' },
  { value: 'write', label: 'Write', hint: 'Create and change things, within your role.' },
];

const EXPIRY = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: '', label: 'Never' },
];

/** Creates a token; its secret is shown exactly once, with a copy button. */
export function CreateTokenDialog({ open, onClose, onCreated }: Props) {
  const { org } = useOrg();
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const [created, setCreated] = useState<Created | null>(null);
  const { pending, error, fields, setFields, reset, submit } = useSubmit(['name', 'scopes', 'expiresInDays']);

  const close = () => {
    if (pending) return;
    setCreated(null);
    reset();
    setScopes(['read']);
    onClose();
  };

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const expires = String(form.get('expiresInDays') ?? '');
    if (scopes.length === 0) {
      setFields({ scopes: 'Choose at least one scope.' });
      return;
    }
    await submit(async () => {
      setCreated(
        await api.post<Created>(apiPaths.tokens(org.id), {
          name: String(form.get('name') ?? '').trim(),
          scopes,
          ...(expires ? { expiresInDays: Number(expires) } : {}),
        }),
      );
      onCreated();
    });
  };

  const toggle = (s: TokenScope, on: boolean) => setScopes((cur) => (on ? [...new Set([...cur, s])] : cur.filter((x) => x !== s)));

  return (
    <Dialog open={open} onClose={close} title={created ? 'Token created' : 'New API token'}>
      {created ? (
        <div className="space-y-5">
          <Alert tone="warning" title="Copy your token now">
            This is the only time the secret of “{created.token.name}” is shown. Store it somewhere safe, like a password manager.
          </Alert>
          <CopyField label="Token secret" value={created.secret} />
          <div className="flex justify-end">
            <Button onClick={close}>Done</Button>
          </div>
        </div>
      ) : (
        <form onSubmit={(e) => void onSubmit(e)} className="space-y-5">
          <TextField label="Name" name="name" required maxLength={100} placeholder="e.g. Lab notebook" hint="So you recognise it later." error={fields.name} data-autofocus />
          <fieldset className="space-y-2" aria-describedby={fields.scopes ? 'scopes-error' : undefined}>
            <legend className="text-sm font-medium text-slate-800">Scopes</legend>
            {SCOPES.map((s) => (
              <label key={s.value} className="flex cursor-pointer items-start gap-3 text-sm">
                <input
                  type="checkbox"
                  name="scopes"
                  value={s.value}
                  checked={scopes.includes(s.value)}
                  onChange={(e) => toggle(s.value, e.target.checked)}
                  className="mt-0.5 size-4 accent-indigo-600"
                />
                <span>
                  <span className="block font-medium text-slate-900">{s.label}</span>
                  <span className="block text-slate-500">{s.hint}</span>
                </span>
              </label>
            ))}
            {fields.scopes && <p id="scopes-error" className="text-sm text-red-700">{fields.scopes}</p>}
          </fieldset>
          <SelectField label="Expires after" name="expiresInDays" defaultValue="90" error={fields.expiresInDays}>
            {EXPIRY.map((x) => (
              <option key={x.label} value={x.value}>{x.label}</option>
            ))}
          </SelectField>
          <FormError message={error} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" pending={pending}>
              Create token
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
