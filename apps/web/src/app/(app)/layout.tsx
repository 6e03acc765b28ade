import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import { AppHeader } from '@/components/app/app-header';
import { getSessionUser } from '@/server/session';
import { pages } from '@/lib/routes';

export const dynamic = 'force-dynamic';

/** The signed-in area: everything below needs a session; the header carries the organisation switcher. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect(pages.signIn());
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:left-4 focus:top-4"
      >
        Skip to content
      </a>
      <AppHeader
        user={{ name: user.name, email: user.email, isPlatformStaff: user.isPlatformStaff }}
        organizations={user.organizations.map((o) => ({ id: o.id, name: o.name, role: o.role }))}
      />
      {children}
    </div>
  );
}
