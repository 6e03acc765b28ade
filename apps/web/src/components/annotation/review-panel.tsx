'use client';
import { useState } from 'react';
import { api, errorMessage } from '@/lib/api-client';
import { Button } from '@/components/ui/button';
import { annotationPaths } from './annotation-api';

interface Issue { code: string; severity: 'error' | 'warning'; message: string; at?: { x: number; y: number } }

const STATUS_LABEL: Record<string, string> = { IN_PROGRESS: 'In progress', SUBMITTED: 'Submitted for review', CHANGES_REQUESTED: 'Changes requested', APPROVED: 'Approved' };

/** Submit / approve / request changes (with a comment pinned to the last place clicked), and checks before training. */
export function ReviewPanel(props: {
  orgId: string;
  imageId: string;
  status: string;
  canWrite: boolean;
  canReview: boolean;
  pin: { x: number; y: number } | null;
  onStatus: (s: string) => void;
  onGoTo: (p: { x: number; y: number }) => void;
}) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<Issue[] | null>(null);
  const act = async (action: string) => {
    setError(null);
    try {
      const body = action === 'request_changes' && comment.trim() ? { action, comment: { body: comment.trim(), x: props.pin?.x ?? 0, y: props.pin?.y ?? 0 } } : { action };
      const r = await api.post<{ status: string }>(annotationPaths.review(props.orgId, props.imageId), body);
      props.onStatus(r.status);
      setComment('');
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const check = async () => {
    try {
      setIssues((await api.get<{ issues: Issue[] }>(annotationPaths.checks(props.orgId, props.imageId))).issues);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const s = props.status;
  return (
    <section aria-label="Review" className="space-y-2 rounded-md border border-slate-200 p-3 text-sm">
      <p>Status: <strong data-testid="review-status">{STATUS_LABEL[s] ?? s}</strong></p>
      {props.canWrite && (s === 'IN_PROGRESS' || s === 'CHANGES_REQUESTED') && <Button size="sm" onClick={() => void act('submit')}>Submit for review</Button>}
      {props.canReview && s === 'SUBMITTED' && (
        <div className="space-y-2">
          <label htmlFor="review-comment" className="block text-xs text-slate-600">Comment (pinned to the last place you clicked)</label>
          <textarea id="review-comment" value={comment} onChange={(e) => setComment(e.target.value)} rows={2} className="w-full rounded border border-slate-300 p-1" />
          <div className="flex gap-2">
            <Button size="sm" onClick={() => void act('approve')}>Approve</Button>
            <Button size="sm" variant="secondary" onClick={() => void act('request_changes')}>Request changes</Button>
          </div>
        </div>
      )}
      <Button size="sm" variant="secondary" onClick={() => void check()}>Check before training</Button>
      {issues && (
        <ul aria-label="Check results" className="space-y-1">
          {issues.length === 0 && <li>No problems found.</li>}
          {issues.map((i, k) => (
            <li key={k} className={i.severity === 'error' ? 'text-red-700' : 'text-amber-700'}>
              {i.message}{' '}
              {i.at && <button type="button" className="underline focus-visible:outline focus-visible:outline-2" onClick={() => props.onGoTo(i.at!)}>Show</button>}
            </li>
          ))}
        </ul>
      )}
      {error && <p role="alert" className="text-red-700">{error}</p>}
    </section>
  );
}
