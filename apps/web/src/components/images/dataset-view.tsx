'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import Link from 'next/link';
import type { ImageDto } from '@/server/images/image-dto';
import { api, errorMessage } from '@/lib/api-client';
import { pages } from '@/lib/routes';
import { useResource } from '@/lib/use-resource';
import { useOrg } from '@/components/app/org-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { UploadPanel } from '@/components/upload/upload-panel';
import { annotationStatusPath, ReviewStatusBadge, type ImageReviewStatus, type ProjectReviewStatus } from '@/components/annotation/review-status';
import { ImageStatusBadge } from './image-status-badge';
import { formatBytes, formatDims, imagePaths } from './format-image';

type View = 'grid' | 'list';

export function DatasetView({ projectId }: { projectId: string }) {
  const { org } = useOrg();
  const path = imagePaths.list(org.id, projectId);
  const { data, error, loading, reload } = useResource<{ images: ImageDto[] }>(path);
  const [view, setView] = useState<View>('grid');
  const [deleting, setDeleting] = useState<ImageDto | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const images = data?.images ?? [];
  const busy = images.some((i) => i.status === 'QUEUED' || i.status === 'INGESTING');
  useEffect(() => {
    if (!busy) return;
    const t = setInterval(() => void reload(), 1500);
    return () => clearInterval(t);
  }, [busy, reload]);
  const review = useResource<ProjectReviewStatus>(annotationStatusPath(org.id, projectId));
  const reviewOf = useMemo(() => new Map((review.data?.images ?? []).map((r) => [r.id, r])), [review.data]);
  const readyKey = images.filter((i) => i.status === 'READY').map((i) => i.id).join(',');
  const reloadReview = review.reload;
  const seenReady = useRef<string | null>(null);
  useEffect(() => {
    if (!data) return;
    if (seenReady.current !== null && seenReady.current !== readyKey) void reloadReview(); // an image became ready or was deleted
    seenReady.current = readyKey;
  }, [data, readyKey, reloadReview]);
  const canUpload = org.role !== 'VIEWER' && org.role !== 'REVIEWER';
  const canDelete = org.role === 'OWNER' || org.role === 'ADMIN';

  return (
    <>
      <Link href={pages.project(org.id, projectId)} className="mb-4 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <span aria-hidden="true">←</span> Project
      </Link>
      <PageHeader
        title="Images"
        description="Upload microscopy images; each is converted to a multi-resolution pyramid for the viewer."
        actions={
          <div role="group" aria-label="Layout" className="inline-flex rounded-md shadow-sm">
            {(['grid', 'list'] as const).map((v) => (
              <Button key={v} size="sm" variant={view === v ? 'primary' : 'secondary'} aria-pressed={view === v} onClick={() => setView(v)}>
                {v === 'grid' ? 'Grid' : 'List'}
              </Button>
            ))}
          </div>
        }
      />
      {canUpload && <div className="mb-6"><UploadPanel uploadsPath={path} onUploaded={() => void reload()} /></div>}
      {actionError && <Alert>{actionError}</Alert>}
      {review.error && images.length > 0 && <Alert>Could not load the annotation status: {review.error}</Alert>}
      {loading && !data ? (
        <LoadingState label="Loading images…" />
      ) : error ? (
        <ErrorState message={error} onRetry={() => void reload()} />
      ) : images.length === 0 ? (
        <EmptyState title="No images yet">{canUpload ? 'Drop files above to upload the first one.' : 'Nothing has been uploaded to this project yet.'}</EmptyState>
      ) : view === 'grid' ? (
        <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" aria-label="Images">
          {images.map((img) => (
            <li key={img.id} data-testid="image-card" className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
              <ImageLink img={img} orgId={org.id} projectId={projectId}>
                <div className="flex aspect-square items-center justify-center bg-slate-900">
                  {img.thumbnailUrl ? <img src={img.thumbnailUrl} alt="" className="max-h-full max-w-full object-contain" /> : <span className="text-xs text-slate-400">{img.status === 'FAILED' ? 'No preview' : 'Processing…'}</span>}
                </div>
              </ImageLink>
              <div className="space-y-1 p-3 text-sm">
                <p className="truncate font-medium text-slate-900" title={img.name}>{img.name}</p>
                <p className="text-slate-600">{formatDims(img)} · {img.sizeC ?? '—'} ch · {img.dtype ?? '—'}</p>
                <AnnotationCell img={img} status={reviewOf.get(img.id)} />
                <div className="flex items-center justify-between gap-2">
                  <ImageStatusBadge image={img} />
                  {canDelete && <Button size="sm" variant="ghost" onClick={() => setDeleting(img)} aria-label={`Delete ${img.name}`}>Delete</Button>}
                </div>
                {img.error && <p className="text-red-700">{img.error}</p>}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-left text-sm shadow-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr><th className="p-2" scope="col"><span className="sr-only">Preview</span></th><th className="p-2" scope="col">Name</th><th className="p-2" scope="col">Size</th><th className="p-2" scope="col">Channels</th><th className="p-2" scope="col">File</th><th className="p-2" scope="col">Status</th><th className="p-2" scope="col">Annotation</th><th className="p-2" scope="col"><span className="sr-only">Actions</span></th></tr>
          </thead>
          <tbody>
            {images.map((img) => (
              <tr key={img.id} data-testid="image-row" className="border-t border-slate-100">
                <td className="p-2">{img.thumbnailUrl ? <img src={img.thumbnailUrl} alt="" className="size-10 bg-slate-900 object-contain" /> : <span className="block size-10 bg-slate-200" />}</td>
                <td className="p-2 font-medium"><ImageLink img={img} orgId={org.id} projectId={projectId}>{img.name}</ImageLink></td>
                <td className="p-2">{formatDims(img)}</td>
                <td className="p-2">{img.channels.map((c) => c.name).join(', ') || '—'}</td>
                <td className="p-2">{formatBytes(img.sizeBytes)}</td>
                <td className="p-2"><ImageStatusBadge image={img} />{img.error && <p className="text-red-700">{img.error}</p>}</td>
                <td className="p-2"><AnnotationCell img={img} status={reviewOf.get(img.id)} /></td>
                <td className="p-2 text-right">{canDelete && <Button size="sm" variant="ghost" onClick={() => setDeleting(img)} aria-label={`Delete ${img.name}`}>Delete</Button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`Delete ${deleting?.name ?? 'image'}?`}
        confirmLabel="Delete image"
        onConfirm={async () => {
          if (!deleting) return;
          try {
            await api.delete(imagePaths.one(org.id, projectId, deleting.id));
            setActionError(null);
          } catch (e) {
            setActionError(errorMessage(e));
          }
          setDeleting(null);
          await reload();
        }}
      >
        The original file, its pyramid and thumbnail are removed from storage. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}

/** Review status and annotation count of a ready image; nothing to show before it is ready or while loading. */
function AnnotationCell({ img, status }: { img: ImageDto; status: ImageReviewStatus | undefined }) {
  if (img.status !== 'READY' || !status) return <p className="text-xs text-slate-400">{img.status === 'READY' ? '…' : '—'}</p>;
  return <p><ReviewStatusBadge status={status} /></p>;
}

function ImageLink({ img, orgId, projectId, children }: { img: ImageDto; orgId: string; projectId: string; children: React.ReactNode }) {
  if (img.status !== 'READY') return <>{children}</>;
  return <Link href={imagePaths.viewer(orgId, projectId, img.id)} className="block hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">{children}</Link>;
}
