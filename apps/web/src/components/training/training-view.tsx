'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useOrg } from '@/components/app/org-context';
import { useResource } from '@/lib/use-resource';
import { Button } from '@/components/ui/button';
import { Badge, Card, PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { STATUS_TONE, trainingPaths, type TrainingRun } from './training-api';
import { TrainDialog } from './train-dialog';

/** A project's training runs and the Train button. */
export function TrainingView({ projectId }: { projectId: string }) {
  const { org } = useOrg();
  const project = useResource<{ name: string; kind: 'SEMANTIC' | 'INSTANCE' }>(`/api/v1/orgs/${encodeURIComponent(org.id)}/projects/${encodeURIComponent(projectId)}`);
  const runs = useResource<{ runs: TrainingRun[] }>(trainingPaths.projectRuns(org.id, projectId));
  const [open, setOpen] = useState(false);
  if (runs.error) return <ErrorState message={runs.error} onRetry={runs.reload} />;
  if (!runs.data || !project.data) return <LoadingState />;
  return (
    <>
      <PageHeader title={`Training · ${project.data.name}`} description="Label a little, train, look at the prediction, label where it is wrong, train again."
        actions={<Button onClick={() => setOpen(true)}>Train</Button>} />
      {runs.data.runs.length === 0 ? <EmptyState title="No training runs yet">Press Train to train a model on this project's annotations.</EmptyState> : (
        <Card className="divide-y divide-slate-100">
          {runs.data.runs.map((r) => (
            <Link key={r.id} href={trainingPaths.runPage(org.id, projectId, r.id)} className="flex items-center justify-between gap-4 px-4 py-3 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600">
              <span className="font-medium text-slate-900">{r.name}</span>
              <span className="flex items-center gap-3 text-sm text-slate-600">
                <span>step {r.step}/{r.totalSteps}</span>
                <Badge tone={STATUS_TONE[r.status]}>{r.status.toLowerCase()}</Badge>
              </span>
            </Link>
          ))}
        </Card>
      )}
      <TrainDialog open={open} onClose={() => { setOpen(false); void runs.reload(); }} orgId={org.id} projectId={projectId} projectKind={project.data.kind} />
    </>
  );
}
