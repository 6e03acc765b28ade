import Link from 'next/link';
import { Logo } from './logo';
import { OrgSwitcher } from './org-switcher';
import type { SwitcherOrg } from './org-switcher';
import { SignOutButton } from './sign-out-button';

type Props = { user: { name: string; email: string; isPlatformStaff?: boolean }; organizations: SwitcherOrg[] };

export function AppHeader({ user, organizations }: Props) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <div className="flex min-w-0 items-center gap-3">
          <Link href="/" aria-label="Tessera home" className="rounded-md">
            <Logo withName={false} />
          </Link>
          <span aria-hidden="true" className="text-slate-300">/</span>
          <OrgSwitcher organizations={organizations} />
        </div>
        <div className="flex items-center gap-3">
          {user.isPlatformStaff && (
            <Link href="/service" className="rounded-md px-2 py-1 text-sm font-medium text-indigo-700 hover:bg-indigo-50">
              Service queue
            </Link>
          )}
          <div className="hidden text-right text-sm leading-tight sm:block">
            <p className="font-medium text-slate-900">{user.name}</p>
            <p className="text-xs text-slate-500">{user.email}</p>
          </div>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
