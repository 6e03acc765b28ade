'use client';
import { useState } from 'react';
import Link from 'next/link';
import type { Project } from '@/lib/api-types';
import { ApiError, api } from '@/lib/api-client';
import { apiPaths, pages } from '@/lib/routes';
import { canManage } from '@/lib/roles';
import { formatDate } from '@/lib/format';
import { useResource } from '@/lib/use-resource';
import { useOrg } from '@/components/app/org-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Badge, Card, PageHeader, Section } from '@/components/ui/page-header';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { LabelClassesPanel } from './label-classes-panel';
import { ProjectDetailsForm } from './project-details-form';

export function ProjectView({ projectId }: { projectId: string }) {
  const { org } = useOrg();
  const manager = canManage(org.role);
  const path = apiPaths.project(org.id, projectId);
  const { data: project, error, loading, reload } = useResource<Project>(path);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const [unarchiving, setUnarchiving] = useState(false);
  const [unarchiveError, setUnarchiveError] = useState<string | null>(null);

  const back = (
    <Link href={pages.projects(org.id)} className="mb-4 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
      <span aria-hidden="true">←</span> All projects
    </Link>
  );

  if (loading && !project) return <>{back}<LoadingState label="Loading project…" /></>;
  if (error || !project) {
    return (
      <>
        {back}
        <ErrorState message={error ?? 'Project not found.'} onRetry={() => void reload()} />
      </>
    );
  }

  const setArchived = async (archived: boolean) => {
    await api.patch<Project>(path, { archived });
    await reload();
  };

  const unarchive = async () => {
    setUnarchiving(true);
    setUnarchiveError(null);
    try {
      await setArchived(false);
    } catch (e) {
      setUnarchiveError(e instanceof ApiError ? e.message : 'Could not unarchive the project.');
    } finally {
      setUnarchiving(false);
    }
  };

  return (
    <>
      {back}
      <PageHeader
        title={project.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge>{project.kind === 'SEMANTIC' ? 'Semantic segmentation' : 'Instance segmentation'}</Badge>
            {project.archived && <Badge tone="amber">Archived</Badge>}
            <span>Created {formatDate(project.createdAt)}</span>
            <Link href={`${pages.project(org.id, project.id)}/images`} className="font-medium text-indigo-700 hover:underline">Images →</Link>
            <Link href={`${pages.project(org.id, project.id)}/training`} className="font-medium text-indigo-700 hover:underline">Training →</Link>
          </span>
        }
        actions={
          manager &&
          (project.archived ? (
            <Button variant="secondary" onClick={() => void unarchive()} pending={unarchiving}>
              Unarchive
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => setConfirmArchive(true)}>
              Archive
            </Button>
          ))
        }
      />
      <div className="space-y-10">
        {unarchiveError && <Alert tone="error">{unarchiveError}</Alert>}
        {project.archived && (
          <Alert tone="warning" title="This project is archived">
            It is hidden from the project list. {manager ? 'Unarchive it to work on it again.' : ''}
          </Alert>
        )}
        <Section id="label-classes" title="Label classes" description="The classes annotators paint with, in the order they appear in tools.">
          <LabelClassesPanel project={project} manager={manager} onChanged={reload} />
        </Section>
        <Section id="details" title="Details">
          <Card className="p-6">
            {manager ? (
              <ProjectDetailsForm key={project.id} project={project} onSaved={reload} />
            ) : (
              <dl className="space-y-3 text-sm">
                <div>
                  <dt className="font-medium text-slate-800">Name</dt>
                  <dd className="text-slate-600">{project.name}</dd>
                </div>
                <div>
                  <dt className="font-medium text-slate-800">Description</dt>
                  <dd className="text-slate-600">{project.description || '—'}</dd>
                </div>
              </dl>
            )}
          </Card>
        </Section>
      </div>
      <ConfirmDialog
        open={confirmArchive}
        onClose={() => setConfirmArchive(false)}
        title={`Archive ${project.name}?`}
        confirmLabel="Archive project"
        onConfirm={() => setArchived(true)}
      >
        Archived projects are hidden from the project list and kept intact. You can unarchive it at any time.
      </ConfirmDialog>
    </>
  );
}
