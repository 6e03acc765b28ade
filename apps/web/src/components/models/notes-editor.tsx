'use client';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '@/lib/api-client';
import { FormError } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/field';
import { modelPaths, type ModelVersion } from './models-api';

/** A version's notes; saved on demand (an admin edits, everyone else reads). */
export function NotesEditor({ orgId, version, editable, onSaved }: { orgId: string; version: ModelVersion; editable: boolean; onSaved: (v: ModelVersion) => void }) {
  const [notes, setNotes] = useState(version.notes);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => setNotes(version.notes), [version.notes]);

  if (!editable) return <p className="whitespace-pre-wrap text-sm text-slate-700">{version.notes || 'No notes.'}</p>;
  const save = async () => {
    setPending(true); setError(null); setSaved('');
    try {
      const v = await api.patch<ModelVersion>(modelPaths.version(orgId, version.modelId, version.id), { notes });
      onSaved(v);
      setSaved('Notes saved.');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="space-y-2">
      <TextAreaField label={`Notes of version ${version.number}`} value={notes} rows={3} maxLength={10_000} onChange={(e) => setNotes(e.currentTarget.value)} />
      <div className="flex items-center gap-3">
        <Button size="sm" variant="secondary" onClick={() => void save()} pending={pending} disabled={notes === version.notes}>Save notes</Button>
        <span role="status" className="text-xs text-emerald-700">{saved}</span>
      </div>
      <FormError message={error} />
    </div>
  );
}
