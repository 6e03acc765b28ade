'use client';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import type { Org } from '@/lib/api-types';
import { api, errorMessage, fieldErrors } from '@/lib/api-client';
import { apiPaths } from '@/lib/routes';
import { useOrg } from '@/components/app/org-context';
import { Alert, FormError } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';

export function OrgNameForm() {
  const { org } = useOrg();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get('name') ?? '').trim();
    setPending(true);
    setSaved(false);
    setError(null);
    setNameError(null);
    try {
      await api.patch<Org>(apiPaths.org(org.id), { name });
      setSaved(true);
      router.refresh();
    } catch (err) {
      const f = fieldErrors(err);
      if (f.name) setNameError(f.name);
      else setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} onChange={() => setSaved(false)} className="space-y-5">
      <TextField label="Organisation name" name="name" defaultValue={org.name} required maxLength={100} error={nameError} />
      <FormError message={error} />
      {saved && <Alert tone="success">Organisation renamed.</Alert>}
      <div className="flex justify-end">
        <Button type="submit" pending={pending}>
          Save
        </Button>
      </div>
    </form>
  );
}
