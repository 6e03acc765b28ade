'use client';
import Link from 'next/link';
import { useOrg } from '@/components/app/org-context';
import { apiPaths } from '@/lib/routes';
import { useResource } from '@/lib/use-resource';
import type { Project } from '@/lib/api-types';
import { Card, PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { modelPages, modelPaths, type Model } from './models-api';

/** The organisation's models, project by project. */
export function ModelsOverview() {
  const { org } = useOrg();
  const projects = useResource<{ projects: Project[] }>(apiPaths.projects(org.id));
  if (projects.error) return <ErrorState message={projects.error} onRetry={projects.reload} />;
  if (!projects.data) return <LoadingState />;
  return (
    <>
      <PageHeader title="Models" description="Models are the currency: train, import or order one, package it with a parity report, download it." />
      {projects.data.projects.length === 0 ? <EmptyState title="No projects yet">Models live in projects; create a project first.</EmptyState> : (
        <div className="space-y-4">{projects.data.projects.map((p) => <ProjectModels key={p.id} orgId={org.id} project={p} />)}</div>
      )}
    </>
  );
}

function ProjectModels({ orgId, project }: { orgId: string; project: Project }) {
  const models = useResource<{ models: Model[] }>(modelPaths.projectModels(orgId, project.id));
  return (
    <Card className="p-4">
      <div className="flex items-center justify-between gap-3">
        <h2 className="font-semibold text-slate-900">{project.name}</h2>
        <Link href={modelPages.project(orgId, project.id)} className="text-sm font-medium text-indigo-700 hover:underline">Models of {project.name} →</Link>
      </div>
      {models.error ? <p className="mt-2 text-sm text-red-700">{models.error}</p> : !models.data ? <p className="mt-2 text-sm text-slate-500">Loading…</p> : models.data.models.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No models yet.</p>
      ) : (
        <ul className="mt-2 flex flex-wrap gap-2" aria-label={`Models of ${project.name}`}>
          {models.data.models.map((m) => (
            <li key={m.id}>
              <Link href={modelPages.model(orgId, m.id)} className="inline-block rounded-md px-2.5 py-1 text-sm ring-1 ring-slate-200 hover:bg-slate-50">
                {m.name} <span className="text-xs text-slate-500">v{m.versions[0]?.number ?? 0}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
