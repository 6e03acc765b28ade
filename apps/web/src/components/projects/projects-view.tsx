'use client';
import { useState } from 'react';
import Link from 'next/link';
import type { Project } from '@/lib/api-types';
import { apiPaths, pages } from '@/lib/routes';
import { canManage } from '@/lib/roles';
import { formatDate } from '@/lib/format';
import { useResource } from '@/lib/use-resource';
import { useOrg } from '@/components/app/org-context';
import { Button } from '@/components/ui/button';
import { Badge, PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { ColorSwatch } from './color-swatch';
import { CreateProjectDialog } from './create-project-dialog';

const KIND_LABELS = { SEMANTIC: 'Semantic', INSTANCE: 'Instance' } as const;

export function ProjectsView() {
  const { org } = useOrg();
  const manager = canManage(org.role);
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const { data, error, loading, reload } = useResource<{ projects: Project[] }>(apiPaths.projects(org.id, showArchived));
  const projects = data?.projects ?? [];
  const newButton = manager && <Button onClick={() => setCreating(true)}>New project</Button>;

  return (
    <>
      <PageHeader title="Projects" description={`Annotation and training projects in ${org.name}.`} actions={newButton} />
      <div className="mb-4 flex items-center justify-end">
        <label className="inline-flex cursor-pointer items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={showArchived}
            onChange={(e) => setShowArchived(e.target.checked)}
            className="size-4 rounded border-slate-300 accent-indigo-600"
          />
          Show archived projects
        </label>
      </div>
      {error && <ErrorState message={error} onRetry={() => void reload()} />}
      {!error && loading && !data && <LoadingState label="Loading projects…" />}
      {!error && data && projects.length === 0 && (
        <EmptyState
          title={showArchived ? 'No projects' : 'No projects yet'}
          action={newButton}
        >
          {manager
            ? 'A project holds images, label classes and the models trained on them. Create the first one.'
            : 'An owner or admin of this organisation can create projects.'}
        </EmptyState>
      )}
      {projects.length > 0 && (
        <ul aria-label="Projects" className="grid gap-4 sm:grid-cols-2">
          {projects.map((p) => (
            <li key={p.id} className={`relative rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 hover:ring-indigo-300 ${p.archived ? 'opacity-75' : ''}`}>
              <div className="flex items-start justify-between gap-3">
                <h2 className="min-w-0 truncate font-semibold text-slate-900">
                  <Link href={pages.project(org.id, p.id)} className="after:absolute after:inset-0 after:rounded-lg focus-visible:outline-none">
                    {p.name}
                  </Link>
                </h2>
                <div className="flex shrink-0 gap-1.5">
                  {p.archived && <Badge tone="amber">Archived</Badge>}
                  <Badge>{KIND_LABELS[p.kind]}</Badge>
                </div>
              </div>
              {p.description && <p className="mt-1 line-clamp-2 text-sm text-slate-600">{p.description}</p>}
              <div className="mt-4 flex items-center justify-between gap-3 text-xs text-slate-500">
                {p.labelClasses.length > 0 ? (
                  <ul aria-label={`Label classes of ${p.name}`} className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
                    {[...p.labelClasses].sort((a, b) => a.order - b.order).slice(0, 5).map((c) => (
                      <li key={c.id} className="inline-flex items-center gap-1.5">
                        <ColorSwatch color={c.color} className="size-2.5" />
                        {c.name}
                      </li>
                    ))}
                    {p.labelClasses.length > 5 && <li>+{p.labelClasses.length - 5} more</li>}
                  </ul>
                ) : (
                  <span>No label classes</span>
                )}
                <span className="shrink-0">Updated {formatDate(p.updatedAt)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      <CreateProjectDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
