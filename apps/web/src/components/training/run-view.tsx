'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useOrg } from '@/components/app/org-context';
import { api, errorMessage } from '@/lib/api-client';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { Badge, Card, PageHeader, Section } from '@/components/ui/page-header';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { LossChart } from './loss-chart';
import { PredictionGallery } from './prediction-gallery';
import { formatSeconds, STATUS_TONE, trainingPaths, type Point, type RunDetail, type TrainingRun } from './training-api';

const POLL_MS = 1000;

/** One run: live status, queue position/ETA, the loss chart (polled points), cancel / retry / apply, predictions. */
export function RunView({ projectId, runId }: { projectId: string; runId: string }) {
  const { org } = useOrg();
  const router = useRouter();
  const [run, setRun] = useState<TrainingRun | null>(null);
  const [queue, setQueue] = useState<RunDetail['queue']>(null);
  const [points, setPoints] = useState<Point[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const lastStep = useRef(0);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    lastStep.current = 0;
    setPoints([]);
    const poll = async () => {
      try {
        const d = await api.get<RunDetail>(`${trainingPaths.run(org.id, runId)}?afterStep=${lastStep.current}`);
        if (stop) return;
        // Steps at or below a resumed run's checkpoint may be replaced: keep points below the first new step.
        if (d.points.length) {
          const first = d.points[0]!.step;
          setPoints((p) => [...p.filter((x) => x.step < first), ...d.points]);
          lastStep.current = d.points[d.points.length - 1]!.step;
        }
        setRun(d.run);
        setQueue(d.queue);
        setError(null);
        if (d.run.status === 'QUEUED' || d.run.status === 'RUNNING') timer = setTimeout(poll, POLL_MS);
      } catch (e) {
        if (stop) return;
        setError(errorMessage(e));
        timer = setTimeout(poll, POLL_MS * 3);
      }
    };
    void poll();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [org.id, runId, tick]);

  async function act(kind: 'cancel' | 'retry' | 'apply') {
    setPending(true);
    setActionError(null);
    try {
      const r = await api.post<TrainingRun & { queued?: boolean }>(`${trainingPaths.run(org.id, runId)}/${kind}`);
      if (kind === 'retry') router.push(trainingPaths.runPage(org.id, projectId, r.id));
      else setTick((t) => t + 1);
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  if (!run) return error ? <ErrorState message={error} /> : <LoadingState />;
  const active = run.status === 'QUEUED' || run.status === 'RUNNING';
  const pct = Math.round((100 * run.step) / Math.max(1, run.totalSteps));
  return (
    <>
      <Link href={trainingPaths.trainingPage(org.id, projectId)} className="mb-4 inline-flex text-sm text-slate-600 hover:text-slate-900">← Training runs</Link>
      <PageHeader
        title={run.name}
        description={<span className="inline-flex items-center gap-2"><Badge tone={STATUS_TONE[run.status]}><span data-testid="run-status">{run.status.toLowerCase()}</span></Badge><span>{run.modelType} · {run.imageCount} image(s) · seed {run.seed} · snapshot {run.snapshotHash.slice(0, 10)}</span></span>}
        actions={
          <span className="flex gap-2">
            {active && <Button variant="danger" pending={pending} disabled={run.cancelRequested} onClick={() => act('cancel')}>{run.cancelRequested ? 'Cancelling…' : 'Cancel run'}</Button>}
            {(run.status === 'FAILED' || run.status === 'CANCELLED') && <Button pending={pending} onClick={() => act('retry')}>Retry</Button>}
            {run.status === 'SUCCEEDED' && <Button variant="secondary" pending={pending} onClick={() => act('apply')}>Apply to dataset</Button>}
          </span>
        }
      />
      {actionError && <Alert>{actionError}</Alert>}
      {run.error && <Alert title="Training failed">{run.error}</Alert>}
      <div className="space-y-8">
        <Card className="space-y-4 p-6">
          {run.status === 'QUEUED' && queue && (
            <p className="text-sm text-slate-700" data-testid="queue-position">Waiting in the queue: position {queue.position}{queue.running ? `, ${queue.running} run(s) training now` : ''}; starts in about {formatSeconds(queue.etaStartSeconds)}.</p>
          )}
          <div>
            <div className="flex justify-between text-sm text-slate-700">
              <span data-testid="run-step">Step {run.step} of {run.totalSteps} · epoch {run.epoch.toFixed(1)}</span>
              <span>{run.status === 'RUNNING' ? `about ${formatSeconds(run.etaSeconds)} left` : ''}</span>
            </div>
            <div className="mt-1 h-2 rounded bg-slate-100" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} aria-label="Training progress">
              <div className="h-2 rounded bg-indigo-600" style={{ width: `${pct}%` }} />
            </div>
          </div>
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
            <div><dt className="text-slate-500">Loss</dt><dd className="font-medium">{run.loss?.toFixed(4) ?? '—'}</dd></div>
            <div><dt className="text-slate-500">Validation IoU</dt><dd className="font-medium">{run.valMetric?.toFixed(3) ?? '—'}</dd></div>
            <div><dt className="text-slate-500">Speed</dt><dd className="font-medium">{run.msPerStep ? `${run.msPerStep.toFixed(0)} ms/step` : '—'}</dd></div>
            <div><dt className="text-slate-500">Checkpoint</dt><dd className="font-medium">step {run.checkpointStep}{run.resumeCount ? ` (resumed ${run.resumeCount}×)` : ''}</dd></div>
          </dl>
          <LossChart points={points} totalSteps={run.totalSteps} />
        </Card>
        {run.status === 'SUCCEEDED' && (
          <Section title="Predictions" description="Where the model is unsure or wrong is where to label next.">
            <PredictionGallery orgId={org.id} runId={run.id} />
          </Section>
        )}
      </div>
    </>
  );
}
