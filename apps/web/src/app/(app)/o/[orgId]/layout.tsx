import type { ReactNode } from 'react';
import { notFound, redirect } from 'next/navigation';
import { OrgNav } from '@/components/app/org-nav';
import { OrgProvider } from '@/components/app/org-context';
import { db } from '@/server/context';
import { findServiceAccess } from '@/server/orders/service-access';
import { getSessionUser } from '@/server/session';
import { pages } from '@/lib/routes';

type Props = { children: ReactNode; params: Promise<{ orgId: string }> };

/** Pages of one organisation; a non-member gets a 404, exactly like an unknown id (the service team: see findServiceAccess). */
export default async function OrgLayout({ children, params }: Props) {
  const { orgId } = await params;
  const user = await getSessionUser();
  if (!user) redirect(pages.signIn());
  const member = user.organizations.find((o) => o.id === orgId);
  const service = member ? null : await findServiceAccess(db(), user, orgId);
  const org = member ?? service?.org;
  if (!org) notFound();
  return (
    <OrgProvider org={{ id: org.id, name: org.name, role: org.role }} user={{ id: user.id, name: user.name, email: user.email }}>
      <OrgNav orgId={org.id} serviceProjectId={service?.projectId} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6 focus:outline-none">
        {children}
      </main>
    </OrgProvider>
  );
}
