import type { ReactNode } from 'react';
import { notFound, redirect } from 'next/navigation';
import { getSessionUser } from '@/server/session';
import { pages } from '@/lib/routes';

/** The platform service team's area; everyone else gets a 404, as if it did not exist. */
export default async function ServiceLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect(pages.signIn());
  if (!user.isPlatformStaff) notFound();
  return (
    <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6 focus:outline-none">
      {children}
    </main>
  );
}
