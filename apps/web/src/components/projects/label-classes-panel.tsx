'use client';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { LabelClass, Project } from '@/lib/api-types';
import { ApiError, api, errorMessage, fieldErrors } from '@/lib/api-client';
import { apiPaths } from '@/lib/routes';
import { nextClassColor } from '@/lib/colors';
import { useOrg } from '@/components/app/org-context';
import { FormError } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { Card } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import { LabelClassRow } from './label-class-row';

type Props = { project: Project; manager: boolean; onChanged: () => Promise<void> };

/** The project's label classes: add, rename, recolour, reorder (move up/down) and delete. */
export function LabelClassesPanel({ project, manager, onChanged }: Props) {
  const { org } = useOrg();
  const classes = [...project.labelClasses].sort((a, b) => a.order - b.order);
  const [moveError, setMoveError] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);

  const move = async (index: number, delta: -1 | 1) => {
    const a = classes[index];
    const b = classes[index + delta];
    if (!a || !b || moving) return;
    setMoving(true);
    setMoveError(null);
    try {
      // The moved class takes its neighbour's position; the server shifts the others.
      await api.patch<LabelClass>(apiPaths.labelClass(org.id, project.id, a.id), { order: b.order });
      await onChanged();
    } catch (e) {
      setMoveError(errorMessage(e));
    } finally {
      setMoving(false);
    }
  };

  return (
    <div className="space-y-4">
      {classes.length === 0 ? (
        <EmptyState title="No label classes yet">{manager ? 'Add the first class below.' : 'An owner or admin can add classes.'}</EmptyState>
      ) : (
        <Card>
          <ol aria-label="Label classes" className="divide-y divide-slate-100">
            {classes.map((c, i) => (
              <LabelClassRow
                key={c.id}
                projectId={project.id}
                labelClass={c}
                manager={manager}
                isFirst={i === 0}
                isLast={i === classes.length - 1}
                busy={moving}
                onMove={(delta) => void move(i, delta)}
                onChanged={onChanged}
              />
            ))}
          </ol>
        </Card>
      )}
      <FormError message={moveError} />
      {manager && <AddClassForm project={project} used={classes.map((c) => c.color)} onAdded={onChanged} />}
    </div>
  );
}

function AddClassForm({ project, used, onAdded }: { project: Project; used: string[]; onAdded: () => Promise<void> }) {
  const { org } = useOrg();
  const [name, setName] = useState('');
  const [color, setColor] = useState(() => nextClassColor(used));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setPending(true);
    setError(null);
    setNameError(null);
    try {
      await api.post<LabelClass>(apiPaths.labelClasses(org.id, project.id), { name: name.trim(), color });
      await onAdded();
      setName('');
      setColor(nextClassColor([...used, color]));
    } catch (err) {
      const f = fieldErrors(err);
      if (f.name) setNameError(f.name);
      else if (err instanceof ApiError && err.code === 'CONFLICT') setNameError(err.message);
      else setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} aria-label="Add a label class" className="space-y-3">
      <div className="flex items-end gap-2">
        <div className="shrink-0 space-y-1.5">
          <label htmlFor="new-class-color" className="block text-sm font-medium text-slate-800">
            Colour
          </label>
          <input
            id="new-class-color"
            type="color"
            value={color}
            onChange={(e) => setColor(e.target.value)}
            className="h-9 w-12 cursor-pointer rounded-md border border-slate-300 bg-white p-1"
          />
        </div>
        <div className="flex-1">
          <TextField label="New class name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} error={nameError} />
        </div>
        <Button type="submit" variant="secondary" pending={pending} className={nameError ? 'mb-7' : ''}>
          Add class
        </Button>
      </div>
      <FormError message={error} />
    </form>
  );
}
