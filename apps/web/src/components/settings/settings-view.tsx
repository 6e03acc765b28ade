'use client';
import { canManage } from '@/lib/roles';
import { useOrg } from '@/components/app/org-context';
import { Alert } from '@/components/ui/alert';
import { Card, PageHeader, Section } from '@/components/ui/page-header';
import { AuditLog } from './audit-log';
import { OrgNameForm } from './org-name-form';

export function SettingsView() {
  const { org } = useOrg();
  if (!canManage(org.role)) {
    return (
      <>
        <PageHeader title="Settings" />
        <Alert tone="info">Only owners and admins of {org.name} can change its settings.</Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Settings" description={`Organisation settings and activity for ${org.name}.`} />
      <div className="space-y-10">
        <Section id="org-name" title="Organisation">
          <Card className="p-6">
            <OrgNameForm />
          </Card>
        </Section>
        <Section id="audit" title="Audit log" description="Membership, role and token changes, newest first.">
          <AuditLog />
        </Section>
      </div>
    </>
  );
}
