'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useOrg } from '@/components/app/org-context';
import { Button } from '@/components/ui/button';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { api, errorMessage } from '@/lib/api-client';
import { apiPaths } from '@/lib/routes';
import { useResource } from '@/lib/use-resource';
import { annotationPaths } from './annotation-api';
import { ProjectExport } from './project-export';
import { annotationStatusPath, reviewLabel, type ProjectReviewStatus } from './review-status';

interface Issue { code: string; severity: string; message: string; imageId?: string; imageName?: string; at?: { x: number; y: number } }

const enc = encodeURIComponent;
const projectApi = (orgId: string, projectId: string) => `/api/v1/orgs/${enc(orgId)}/projects/${enc(projectId)}/annotations`;

/** The review page: every project's images with their review status, the "approved only" setting, checks and export. */
export function ReviewOverview() {
  const { org } = useOrg();
  const { data, error, loading, reload } = useResource<{ projects: { id: string; name: string }[] }>(apiPaths.projects(org.id));
  if (loading && !data) return <LoadingState label="Loading projects…" />;
  if (error || !data) return <ErrorState message={error ?? 'Could not load projects.'} onRetry={() => void reload()} />;
  if (data.projects.length === 0) return <EmptyState title="No projects yet">Create a project and upload images to annotate.</EmptyState>;
  return (
    <div className="space-y-8">
      <h1 className="text-xl font-semibold text-slate-900">Annotation review</h1>
      {data.projects.map((p) => <ProjectReview key={p.id} orgId={org.id} projectId={p.id} name={p.name} canManage={org.role === 'OWNER' || org.role === 'ADMIN'} />)}
    </div>
  );
}

function ProjectReview({ orgId, projectId, name, canManage }: { orgId: string; projectId: string; name: string; canManage: boolean }) {
  const { data, error, reload } = useResource<ProjectReviewStatus>(annotationStatusPath(orgId, projectId));
  const [issues, setIssues] = useState<Issue[] | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const toggle = async (v: boolean) => {
    try {
      await api.patch(`${projectApi(orgId, projectId)}/settings`, { trainOnApprovedOnly: v });
      await reload();
    } catch (e) {
      setMsg(errorMessage(e));
    }
  };
  return (
    <section aria-labelledby={`p-${projectId}`} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`p-${projectId}`} className="text-lg font-medium text-slate-900">{name}</h2>
      {error && <ErrorState message={error} onRetry={() => void reload()} />}
      {data && (
        <>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={data.trainOnApprovedOnly} disabled={!canManage} onChange={(e) => void toggle(e.target.checked)} />
            Train only on approved images
          </label>
          {data.images.length === 0 ? <p className="text-sm text-slate-600">No images yet.</p> : (
            <table className="w-full text-left text-sm">
              <thead><tr><th className="py-1">Image</th><th>Review</th><th>Objects</th><th><span className="sr-only">Actions</span></th></tr></thead>
              <tbody>
                {data.images.map((i) => (
                  <tr key={i.id} className="border-t border-slate-100" data-testid="review-row">
                    <td className="py-1">{i.name}</td>
                    <td data-testid="review-row-status">{reviewLabel(i)}</td>
                    <td>{i.annotations}</td>
                    <td>{i.imageStatus === 'READY' && <Link className="underline" href={annotationPaths.editorPage(orgId, projectId, i.id)}>Annotate</Link>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="flex flex-wrap gap-2 text-sm">
            <Button size="sm" variant="secondary" onClick={() => void api.get<{ issues: Issue[] }>(`${projectApi(orgId, projectId)}/checks`).then((r) => setIssues(r.issues), (e) => setMsg(errorMessage(e)))}>Check before training</Button>
          </div>
          <ProjectExport exportPath={`${projectApi(orgId, projectId)}/export`} name={name} onError={setMsg} />
          {issues && (
            <ul aria-label={`Checks for ${name}`} className="space-y-1 text-sm">
              {issues.length === 0 && <li>No problems found.</li>}
              {issues.map((i, k) => (
                <li key={k} className={i.severity === 'error' ? 'text-red-700' : 'text-amber-700'}>
                  {i.imageName ? `${i.imageName}: ` : ''}{i.message}{' '}
                  {i.imageId && <Link className="underline" href={`${annotationPaths.editorPage(orgId, projectId, i.imageId)}${i.at ? `?x=${i.at.x}&y=${i.at.y}` : ''}`}>Open</Link>}
                </li>
              ))}
            </ul>
          )}
          {msg && <p role="alert" className="text-sm text-red-700">{msg}</p>}
        </>
      )}
    </section>
  );
}
