'use client';
import { useState } from 'react';
import type { InvitationPreview, Org } from '@/lib/api-types';
import { ApiError, api, errorMessage } from '@/lib/api-client';
import { apiPaths, pages } from '@/lib/routes';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '@/lib/roles';
import { formatDate } from '@/lib/format';
import { useResource } from '@/lib/use-resource';
import { Alert, FormError } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { LoadingState } from '@/components/ui/states';

type Props = { token: string; user: { name: string; email: string } | null };

/** Shows who invites you to what, then joins (signed in) or sends you to sign in / sign up and back. */
export function AcceptInvitation({ token, user }: Props) {
  const { data, error, loading } = useResource<InvitationPreview>(apiPaths.invitationByToken(token));
  const [pending, setPending] = useState(false);
  const [acceptError, setAcceptError] = useState<string | null>(null);
  const back = pages.invitation(token);

  const accept = async () => {
    setPending(true);
    setAcceptError(null);
    try {
      const { organization } = await api.post<{ organization: Org }>(apiPaths.acceptInvitation(token));
      window.location.assign(pages.projects(organization.id));
    } catch (e) {
      setPending(false);
      setAcceptError(e instanceof ApiError && e.code === 'CONFLICT' ? `${e.message} Open it from the organisation menu.` : errorMessage(e));
    }
  };

  return (
    <div className="rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
      {loading && <LoadingState label="Checking your invitation…" />}
      {!loading && (error || !data) && (
        <>
          <h1 className="text-xl font-semibold tracking-tight">Invitation not available</h1>
          <div className="mt-4">
            <Alert tone="warning">{error ?? 'This invitation link is not valid.'} Ask the person who invited you for a new link.</Alert>
          </div>
          <div className="mt-6">
            <ButtonLink href="/" variant="secondary">Go to Tessera</ButtonLink>
          </div>
        </>
      )}
      {!loading && data && (
        <>
          <h1 className="text-xl font-semibold tracking-tight">Join {data.organizationName}</h1>
          <p className="mt-2 text-sm text-slate-600">
            You have been invited to join <strong className="text-slate-900">{data.organizationName}</strong> on Tessera as{' '}
            <strong className="text-slate-900">{ROLE_LABELS[data.role]}</strong> ({ROLE_DESCRIPTIONS[data.role].toLowerCase()}).
            The link is valid until {formatDate(data.expiresAt)}.
          </p>
          <div className="mt-6 space-y-4">
            {user ? (
              <>
                <p className="text-sm text-slate-600">
                  Signed in as <span className="font-medium text-slate-900">{user.email}</span>.
                </p>
                <FormError message={acceptError} />
                <Button onClick={() => void accept()} pending={pending} className="w-full">
                  Join {data.organizationName}
                </Button>
              </>
            ) : (
              <div className="flex flex-col gap-2 sm:flex-row">
                <ButtonLink href={pages.signUp({ invite: token })} className="flex-1">
                  Create an account
                </ButtonLink>
                <ButtonLink href={`${pages.signIn(back)}&invite=${encodeURIComponent(token)}`} variant="secondary" className="flex-1">
                  I have an account
                </ButtonLink>
              </div>
            )}
          </div>
        </>
      )}
    </div>
  );
}
