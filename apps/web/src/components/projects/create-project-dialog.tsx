'use client';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import type { Project, ProjectKind } from '@/lib/api-types';
import { ApiError, api, errorMessage, fieldErrors } from '@/lib/api-client';
import { apiPaths, pages } from '@/lib/routes';
import { useOrg } from '@/components/app/org-context';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/alert';
import { TextAreaField, TextField } from '@/components/ui/field';
import { ClassDraftsEditor, newClassDraft } from './class-drafts-editor';
import type { ClassDraft } from './class-drafts-editor';

const KINDS: { value: ProjectKind; label: string; hint: string }[] = [
  { value: 'SEMANTIC', label: 'Semantic segmentation', hint: 'Every pixel gets a class.' },
  { value: 'INSTANCE', label: 'Instance segmentation', hint: 'Separate objects, e.g. individual cells.' },
];

export function CreateProjectDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { org } = useOrg();
  const router = useRouter();
  const [classes, setClasses] = useState<ClassDraft[]>(() => [newClassDraft([])]);
  const [kind, setKind] = useState<ProjectKind>('SEMANTIC');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const close = () => {
    if (pending) return;
    setError(null);
    setFields({});
    onClose();
  };

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    // Blank rows are skipped; `kept[j]` is the row index of the j-th class sent, to put errors back on the right row.
    const kept = classes.map((c, i) => ({ c, i })).filter(({ c }) => c.name.trim());
    const labelClasses = kept.map(({ c }) => ({ name: c.name.trim(), color: c.color }));
    const body = {
      name: String(form.get('name') ?? '').trim(),
      description: String(form.get('description') ?? '').trim() || undefined,
      kind,
      labelClasses,
    };
    setPending(true);
    setError(null);
    setFields({});
    try {
      const project = await api.post<Project>(apiPaths.projects(org.id), body);
      router.push(pages.project(org.id, project.id));
    } catch (err) {
      const f: Record<string, string> = {};
      for (const [key, msg] of Object.entries(fieldErrors(err))) {
        const m = /^labelClasses\.(\d+)(.*)$/.exec(key);
        f[m ? `labelClasses.${kept[Number(m[1])]?.i ?? m[1]}${m[2]}` : key] = msg;
      }
      if (err instanceof ApiError && err.code === 'CONFLICT' && !/class/i.test(err.message)) f.name = err.message;
      setFields(f);
      setError(Object.keys(f).length > 0 ? null : errorMessage(err));
      setPending(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} title="New project" size="lg">
      <form onSubmit={(e) => void onSubmit(e)} className="space-y-5">
        <TextField label="Name" name="name" required maxLength={100} data-autofocus error={fields.name} />
        <TextAreaField label="Description" name="description" rows={2} maxLength={2000} hint="Optional." error={fields.description} />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Kind</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {KINDS.map((k) => (
              <label key={k.value} className="flex cursor-pointer gap-3 rounded-md p-3 ring-1 ring-slate-300 has-[:checked]:ring-2 has-[:checked]:ring-indigo-600">
                <input type="radio" name="kind" value={k.value} checked={kind === k.value} onChange={() => setKind(k.value)} className="mt-0.5 accent-indigo-600" />
                <span className="text-sm">
                  <span className="block font-medium text-slate-900">{k.label}</span>
                  <span className="block text-slate-500">{k.hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <ClassDraftsEditor value={classes} onChange={setClasses} errors={fields} />
        <FormError message={error} />
        <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
          <Button variant="secondary" onClick={close} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" pending={pending}>
            Create project
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
