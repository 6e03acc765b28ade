'use client';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { LabelClass } from '@/lib/api-types';
import { api, errorMessage, fieldErrors } from '@/lib/api-client';
import { apiPaths } from '@/lib/routes';
import { useOrg } from '@/components/app/org-context';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { controlClass } from '@/components/ui/field';
import { ColorSwatch } from './color-swatch';

type Props = {
  projectId: string;
  labelClass: LabelClass;
  manager: boolean;
  isFirst: boolean;
  isLast: boolean;
  busy: boolean;
  onMove: (delta: -1 | 1) => void;
  onChanged: () => Promise<void>;
};

export function LabelClassRow({ projectId, labelClass: c, manager, isFirst, isLast, busy, onMove, onChanged }: Props) {
  const { org } = useOrg();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const path = apiPaths.labelClass(org.id, projectId, c.id);

  const onSave = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    try {
      await api.patch<LabelClass>(path, { name: String(form.get('name') ?? '').trim(), color: String(form.get('color') ?? c.color) });
      await onChanged();
      setEditing(false);
    } catch (err) {
      const f = fieldErrors(err);
      setError(f.name ?? f.color ?? errorMessage(err));
    } finally {
      setPending(false);
    }
  };

  if (editing) {
    return (
      <li className="px-4 py-3">
        <form onSubmit={(e) => void onSave(e)} aria-label={`Edit class ${c.name}`} className="flex flex-wrap items-center gap-2">
          <input
            type="color"
            name="color"
            defaultValue={c.color}
            aria-label={`Colour of ${c.name}`}
            className="h-9 w-12 shrink-0 cursor-pointer rounded-md border border-slate-300 bg-white p-1"
          />
          <input
            name="name"
            defaultValue={c.name}
            required
            maxLength={100}
            aria-label={`Name of ${c.name}`}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `class-${c.id}-error` : undefined}
            autoFocus
            className={`${controlClass} min-w-0 flex-1`}
          />
          <Button type="submit" size="sm" pending={pending}>
            Save
          </Button>
          <Button variant="ghost" size="sm" onClick={() => { setEditing(false); setError(null); }} disabled={pending}>
            Cancel
          </Button>
        </form>
        {error && (
          <p id={`class-${c.id}-error`} className="mt-1.5 text-sm text-red-700">
            {error}
          </p>
        )}
      </li>
    );
  }

  return (
    <li className="flex items-center gap-3 px-4 py-3">
      <ColorSwatch color={c.color} className="size-5" />
      <span className="min-w-0 flex-1 truncate text-sm font-medium text-slate-900">{c.name}</span>
      <span className="hidden font-mono text-xs text-slate-500 sm:inline">{c.color}</span>
      {manager && (
        <div className="flex shrink-0 items-center gap-1">
          <Button variant="ghost" size="sm" onClick={() => onMove(-1)} disabled={isFirst || busy} aria-label={`Move ${c.name} up`}>
            <span aria-hidden="true">↑</span>
          </Button>
          <Button variant="ghost" size="sm" onClick={() => onMove(1)} disabled={isLast || busy} aria-label={`Move ${c.name} down`}>
            <span aria-hidden="true">↓</span>
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setEditing(true)} aria-label={`Edit ${c.name}`}>
            Edit
          </Button>
          <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50" onClick={() => setDeleting(true)} aria-label={`Delete ${c.name}`}>
            Delete
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={deleting}
        onClose={() => setDeleting(false)}
        title={`Delete class ${c.name}?`}
        confirmLabel="Delete class"
        onConfirm={async () => {
          await api.delete(path);
          await onChanged();
        }}
      >
        The class is removed from this project. This cannot be undone.
      </ConfirmDialog>
    </li>
  );
}
