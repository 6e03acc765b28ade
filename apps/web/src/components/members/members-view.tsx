'use client';
import { useState } from 'react';
import type { Member } from '@/lib/api-types';
import { apiPaths } from '@/lib/routes';
import { canManage } from '@/lib/roles';
import { useResource } from '@/lib/use-resource';
import { useOrg } from '@/components/app/org-context';
import { Button } from '@/components/ui/button';
import { PageHeader, Section } from '@/components/ui/page-header';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { InvitationsList } from './invitations-list';
import { InviteDialog } from './invite-dialog';
import { LeaveOrg } from './leave-org';
import { MembersTable } from './members-table';

export function MembersView() {
  const { org } = useOrg();
  const manager = canManage(org.role);
  const members = useResource<{ members: Member[] }>(apiPaths.members(org.id));
  const [inviting, setInviting] = useState(false);
  const [invitesVersion, setInvitesVersion] = useState(0);

  return (
    <>
      <PageHeader
        title="Members"
        description={`People in ${org.name} and what they may do.`}
        actions={manager && <Button onClick={() => setInviting(true)}>Invite people</Button>}
      />
      <div className="space-y-10">
        {members.error && <ErrorState message={members.error} onRetry={() => void members.reload()} />}
        {!members.error && !members.data && <LoadingState label="Loading members…" />}
        {members.data && <MembersTable members={members.data.members} onChanged={members.reload} />}
        {manager && (
          <Section id="invitations" title="Open invitations" description="Links that have not been used yet. Revoke a link to stop it working.">
            <InvitationsList version={invitesVersion} />
          </Section>
        )}
        <Section id="leave" title="Leave organisation">
          <LeaveOrg />
        </Section>
      </div>
      <InviteDialog open={inviting} onClose={() => setInviting(false)} onCreated={() => setInvitesVersion((v) => v + 1)} />
    </>
  );
}
