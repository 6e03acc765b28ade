'use client';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { errorMessage } from '@/lib/api-client';
import { FormError } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField, controlClass } from '@/components/ui/field';
import { FindingsList } from './findings-list';
import { modelPaths, uploadFile, type ImportResult } from './models-api';

type Props = { open: boolean; onClose: () => void; orgId: string; projectId: string; onImported: (r: ImportResult) => void };

/** Upload of a .czann / .czmodel / .czseg: the server validates it and registers a version; findings are shown. */
export function ImportModelDialog({ open, onClose, orgId, projectId, onImported }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const close = () => {
    if (pending) return;
    setFile(null); setName(''); setError(null); setResult(null);
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) { setError('Choose a .czann, .czmodel or .czseg file.'); return; }
    setPending(true); setError(null);
    try {
      const r = await uploadFile<ImportResult>(modelPaths.imports(orgId, projectId, file.name, name.trim() || undefined), file);
      setResult(r);
      onImported(r);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} title="Import a model" description="A model trained elsewhere (ZEN, arivis, napari): it is validated and registered as a new version.">
      {result ? (
        <div className="space-y-4" role="status">
          <p className="text-sm text-slate-800">
            Imported <strong>{result.model.name}</strong> as version {result.version.number} ({result.version.modelType}){result.version.valid ? '.' : ' — with validation errors.'}
          </p>
          <FindingsList findings={result.version.findings} />
          <div className="flex justify-end"><Button onClick={close} data-autofocus>Done</Button></div>
        </div>
      ) : (
        <form onSubmit={(e) => void submit(e)} className="space-y-4" noValidate>
          <div className="space-y-1.5">
            <label htmlFor="model-file" className="block text-sm font-medium text-slate-800">Model file</label>
            <input id="model-file" type="file" accept=".czann,.czmodel,.czseg" data-autofocus className={controlClass}
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} aria-describedby="model-file-hint" />
            <p id="model-file-hint" className="text-xs text-slate-500">.czann, .czmodel or .czseg, up to 512 MB.</p>
          </div>
          <TextField label="Model name (optional)" value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={100}
            hint="A new version of the model with this name; a new model when none has it. Defaults to the file name." />
          <FormError message={error} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close} disabled={pending}>Cancel</Button>
            <Button type="submit" pending={pending}>Import</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
