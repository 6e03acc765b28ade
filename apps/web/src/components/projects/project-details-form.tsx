'use client';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Project } from '@/lib/api-types';
import { ApiError, api, errorMessage, fieldErrors } from '@/lib/api-client';
import { apiPaths } from '@/lib/routes';
import { useOrg } from '@/components/app/org-context';
import { Alert, FormError } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';

/** Rename a project and edit its description. */
export function ProjectDetailsForm({ project, onSaved }: { project: Project; onSaved: () => Promise<void> }) {
  const { org } = useOrg();
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setSaved(false);
    setError(null);
    setFields({});
    try {
      await api.patch<Project>(apiPaths.project(org.id, project.id), {
        name: String(form.get('name') ?? '').trim(),
        description: String(form.get('description') ?? '').trim(),
      });
      setSaved(true);
      setPending(false);
      await onSaved();
    } catch (err) {
      const f = fieldErrors(err);
      if (err instanceof ApiError && err.code === 'CONFLICT') f.name = err.message;
      setFields(f);
      setError(Object.keys(f).length > 0 ? null : errorMessage(err));
      setPending(false);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-5" onChange={() => setSaved(false)}>
      <TextField label="Project name" name="name" defaultValue={project.name} required maxLength={100} error={fields.name} />
      <TextAreaField label="Description" name="description" defaultValue={project.description ?? ''} rows={3} maxLength={2000} error={fields.description} />
      <FormError message={error} />
      {saved && <Alert tone="success">Changes saved.</Alert>}
      <div className="flex justify-end">
        <Button type="submit" pending={pending}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
