'use client';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import type { Org } from '@/lib/api-types';
import { api } from '@/lib/api-client';
import { useSubmit } from '@/lib/use-submit';
import { apiPaths } from '@/lib/routes';
import { useOrg } from '@/components/app/org-context';
import { Alert, FormError } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';

export function OrgNameForm() {
  const { org } = useOrg();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { pending, error, fields, submit } = useSubmit(['name']);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get('name') ?? '').trim();
    setSaved(false);
    await submit(async () => {
      await api.patch<Org>(apiPaths.org(org.id), { name });
      setSaved(true);
      router.refresh();
    });
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} onChange={() => setSaved(false)} className="space-y-5">
      <TextField label="Organisation name" name="name" defaultValue={org.name} required maxLength={100} error={fields.name} />
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
