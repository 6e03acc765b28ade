'use client';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/alert';
import { TextField } from '@/components/ui/field';
import { api, errorMessage, fieldErrors } from '@/lib/api-client';
import type { Org } from '@/lib/api-types';
import { apiPaths, pages } from '@/lib/routes';

export function CreateOrgForm() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get('name') ?? '').trim();
    setPending(true);
    setError(null);
    setNameError(null);
    try {
      const org = await api.post<Org>(apiPaths.orgs(), { name });
      // A full navigation so the header's organisation list includes the new one.
      window.location.assign(pages.projects(org.id));
    } catch (err) {
      const f = fieldErrors(err);
      if (f.name) setNameError(f.name);
      else setError(errorMessage(err));
      setPending(false);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-5">
      <TextField label="Organisation name" name="name" required maxLength={100} autoFocus error={nameError} />
      <FormError message={error} />
      <div className="flex justify-end">
        <Button type="submit" pending={pending}>
          Create organisation
        </Button>
      </div>
    </form>
  );
}
