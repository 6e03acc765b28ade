'use client';
import type { InvitationPreview } from '@/lib/api-types';
import { apiPaths } from '@/lib/routes';
import { ROLE_LABELS } from '@/lib/roles';
import { useResource } from '@/lib/use-resource';
import { Alert } from '@/components/ui/alert';

/** "You're joining X as Y": shown above the sign-up form when it came from an invitation link. */
export function InvitationSummary({ token }: { token: string }) {
  const { data, error, loading } = useResource<InvitationPreview>(apiPaths.invitationByToken(token));
  if (loading) return <p className="text-sm text-slate-500">Checking your invitation…</p>;
  if (error || !data) return <Alert tone="warning" title="This invitation cannot be used">{error ?? 'It may have expired or been revoked.'}</Alert>;
  return (
    <Alert tone="info">
      You&apos;re joining <strong>{data.organizationName}</strong> as <strong>{ROLE_LABELS[data.role]}</strong>.
    </Alert>
  );
}
