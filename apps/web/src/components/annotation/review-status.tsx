import { Badge } from '@/components/ui/page-header';

/** One row of `GET …/projects/{projectId}/annotations/status`. */
export interface ImageReviewStatus { id: string; name: string; imageStatus: string; reviewStatus: string; annotations: number; updatedAt: string | null }
export interface ProjectReviewStatus { trainOnApprovedOnly: boolean; images: ImageReviewStatus[] }

export const annotationStatusPath = (orgId: string, projectId: string) =>
  `/api/v1/orgs/${encodeURIComponent(orgId)}/projects/${encodeURIComponent(projectId)}/annotations/status`;

const LABEL: Record<string, string> = { IN_PROGRESS: 'In progress', SUBMITTED: 'Submitted', CHANGES_REQUESTED: 'Changes requested', APPROVED: 'Approved' };
const TONE = { NOT_STARTED: 'slate', IN_PROGRESS: 'indigo', SUBMITTED: 'amber', CHANGES_REQUESTED: 'red', APPROVED: 'emerald' } as const;

/** The server says IN_PROGRESS for an image nobody has annotated yet; on screen that is "Not started". */
const effective = (s: Pick<ImageReviewStatus, 'reviewStatus' | 'annotations'>) =>
  s.reviewStatus === 'IN_PROGRESS' && s.annotations === 0 ? 'NOT_STARTED' : s.reviewStatus;

export const reviewLabel = (s: Pick<ImageReviewStatus, 'reviewStatus' | 'annotations'>) =>
  effective(s) === 'NOT_STARTED' ? 'Not started' : (LABEL[s.reviewStatus] ?? s.reviewStatus);

export const annotationCount = (n: number) => `${n} annotation${n === 1 ? '' : 's'}`;

/** Compact review status plus annotation count: an "In progress" badge, then "3 annotations". */
export function ReviewStatusBadge({ status }: { status: Pick<ImageReviewStatus, 'reviewStatus' | 'annotations'> }) {
  const key = effective(status);
  return (
    <span data-testid="annotation-status" data-review={key} data-count={status.annotations} className="inline-flex items-center gap-1.5 whitespace-nowrap text-xs text-slate-600">
      <Badge tone={TONE[key as keyof typeof TONE] ?? 'slate'}>{reviewLabel(status)}</Badge>{' '}
      {status.annotations > 0 && <span>{annotationCount(status.annotations)}</span>}
    </span>
  );
}
