'use client';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '@/lib/api-client';
import { useResource } from '@/lib/use-resource';
import { FormError } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { Badge } from '@/components/ui/page-header';
import { JOB_TONE, modelPaths, type InferenceRun, type ModelVersion } from './models-api';

type Image = { id: string; name: string; status: string };
const POLL_MS = 1500;
const active = (r: InferenceRun) => r.status === 'QUEUED' || r.status === 'RUNNING';

/**
 * Runs a version on one ready image of the project, or on all of them, and links each run's label TIFF and object
 * CSV when it has finished.
 */
export function RunPanel({ orgId, projectId, version }: { orgId: string; projectId: string; version: ModelVersion }) {
  const images = useResource<{ images: Image[] }>(modelPaths.projectImages(orgId, projectId));
  const [imageId, setImageId] = useState('');
  const [runs, setRuns] = useState<InferenceRun[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = (images.data?.images ?? []).filter((i) => i.status === 'READY');

  const polling = runs.filter(active).map((r) => r.id).join(',');
  useEffect(() => {
    if (!polling) return;
    const timer = setInterval(() => {
      for (const id of polling.split(',')) {
        api.get<InferenceRun>(modelPaths.run(orgId, id))
          .then((fresh) => setRuns((all) => all.map((r) => (r.id === fresh.id ? fresh : r))))
          .catch(() => undefined);
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [polling, orgId]);

  const start = async (all: boolean) => {
    const id = imageId || ready[0]?.id;
    if (!all && !id) return;
    setPending(true); setError(null);
    try {
      if (all) setRuns((await api.post<{ runs: InferenceRun[] }>(modelPaths.datasetRuns(orgId, version.modelId, version.id))).runs);
      else setRuns([await api.post<InferenceRun>(modelPaths.runs(orgId, version.modelId, version.id, id!))]);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  };

  if (images.error) return <FormError message={images.error} />;
  if (!images.data) return <p className="text-sm text-slate-500">Loading images…</p>;
  if (ready.length === 0) return <p className="text-sm text-slate-500">Upload an image to this project to run the model on it.</p>;
  const busy = pending || polling !== '';
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-56 flex-1">
          <SelectField label={`Image to run version ${version.number} on`} value={imageId || ready[0]!.id} onChange={(e) => setImageId(e.currentTarget.value)}>
            {ready.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
          </SelectField>
        </div>
        <Button variant="secondary" onClick={() => void start(false)} pending={busy}>Run model</Button>
        <Button variant="secondary" onClick={() => void start(true)} pending={busy}>Run on all {ready.length} images</Button>
      </div>
      <FormError message={error} />
      {runs.map((run) => <RunRow key={run.id} run={run} />)}
    </div>
  );
}

function RunRow({ run }: { run: InferenceRun }) {
  return (
    <div className="space-y-2 rounded-md p-3 text-sm ring-1 ring-slate-200" aria-label={`Model run on ${run.inputName}`}>
      <p className="flex items-center gap-2">
        <span className="text-slate-700">{run.inputName}</span>
        <span role="status" aria-live="polite"><Badge tone={JOB_TONE[run.status]}>{run.status.toLowerCase()}</Badge></span>
      </p>
      {run.error && <FormError message={run.error} />}
      {run.summary && (
        <p className="text-slate-600">
          {run.summary.width}×{run.summary.height} px in {(run.summary.ms / 1000).toFixed(1)} s
          {run.summary.objectCount !== null && <> · {run.summary.objectCount} objects</>}
        </p>
      )}
      {run.downloads && (
        <div className="flex flex-wrap gap-2">
          {run.downloads.labels && <a className="font-medium text-indigo-700 hover:underline" href={run.downloads.labels}>Label image (TIFF)</a>}
          {run.downloads.objects && <a className="font-medium text-indigo-700 hover:underline" href={run.downloads.objects}>Object table (CSV)</a>}
        </div>
      )}
    </div>
  );
}
