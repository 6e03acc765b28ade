'use client';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/alert';
import { TextField } from '@/components/ui/field';
import { api } from '@/lib/api-client';
import { useSubmit } from '@/lib/use-submit';
import type { Org } from '@/lib/api-types';
import { apiPaths, pages } from '@/lib/routes';

export function CreateOrgForm() {
  const { pending, error, fields, submit } = useSubmit(['name']);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get('name') ?? '').trim();
    await submit(async () => {
      const org = await api.post<Org>(apiPaths.orgs(), { name });
      // A full navigation so the header's organisation list includes the new one.
      window.location.assign(pages.projects(org.id));
    }, { keepPending: true });
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-5">
      <TextField label="Organisation name" name="name" required maxLength={100} autoFocus error={fields.name} />
      <FormError message={error} />
      <div className="flex justify-end">
        <Button type="submit" pending={pending}>
          Create organisation
        </Button>
      </div>
    </form>
  );
}
