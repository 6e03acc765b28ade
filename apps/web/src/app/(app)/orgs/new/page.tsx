import type { Metadata } from 'next';
import { CreateOrgForm } from '@/components/app/create-org-form';
import { Card, PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'New organisation' };

export default function NewOrgPage() {
  return (
    <main id="main" className="mx-auto w-full max-w-xl flex-1 px-4 py-10 sm:px-6">
      <PageHeader
        title="New organisation"
        description="An organisation holds projects, members and API tokens. Data never crosses organisations."
      />
      <Card className="p-6">
        <CreateOrgForm />
      </Card>
    </main>
  );
}
