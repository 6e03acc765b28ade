'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useOrg } from '@/components/app/org-context';
import { canManage } from '@/lib/roles';
import { formatDate } from '@/lib/format';
import { pages } from '@/lib/routes';
import { useResource } from '@/lib/use-resource';
import { Button } from '@/components/ui/button';
import { Badge, Card, PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { ImportModelDialog } from './import-model-dialog';
import { modelPages, modelPaths, SOURCE_LABEL, type Model } from './models-api';

/** A project's models (latest version first) with the Import button. */
export function ProjectModelsView({ projectId }: { projectId: string }) {
  const { org } = useOrg();
  const project = useResource<{ name: string }>(`/api/v1/orgs/${encodeURIComponent(org.id)}/projects/${encodeURIComponent(projectId)}`);
  const models = useResource<{ models: Model[] }>(modelPaths.projectModels(org.id, projectId));
  const [open, setOpen] = useState(false);
  if (models.error) return <ErrorState message={models.error} onRetry={models.reload} />;
  if (!models.data || !project.data) return <LoadingState />;
  const manage = canManage(org.role);
  return (
    <>
      <PageHeader
        title={`Models · ${project.data.name}`}
        description={<>Trained here, imported, or delivered by the model service. <Link href={pages.project(org.id, projectId)} className="font-medium text-indigo-700 hover:underline">Back to the project</Link></>}
        actions={manage ? <Button onClick={() => setOpen(true)}>Import model</Button> : undefined}
      />
      {models.data.models.length === 0 ? (
        <EmptyState title="No models yet">Train one on this project&apos;s annotations, import a .czann / .czmodel / .czseg, or order one as a service.</EmptyState>
      ) : (
        <Card>
          <ul aria-label="Models" className="divide-y divide-slate-100">
            {models.data.models.map((m) => <ModelRow key={m.id} orgId={org.id} model={m} />)}
          </ul>
        </Card>
      )}
      <ImportModelDialog open={open} onClose={() => setOpen(false)} orgId={org.id} projectId={projectId} onImported={() => void models.reload()} />
    </>
  );
}

function ModelRow({ orgId, model }: { orgId: string; model: Model }) {
  const latest = model.versions[0];
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
      <div className="min-w-0">
        <Link href={modelPages.model(orgId, model.id)} className="font-medium text-slate-900 hover:text-indigo-700 hover:underline">{model.name}</Link>
        <p className="text-xs text-slate-500">
          {model.versions.length} version{model.versions.length === 1 ? '' : 's'}
          {latest && <> · latest v{latest.number}, {latest.modelType}, {formatDate(latest.createdAt)}</>}
        </p>
      </div>
      {latest && (
        <span className="flex items-center gap-2">
          <Badge tone="indigo">{SOURCE_LABEL[latest.source]}</Badge>
          {!latest.valid && <Badge tone="red">validation errors</Badge>}
        </span>
      )}
    </li>
  );
}
