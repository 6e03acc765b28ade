'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { pages } from '@/lib/routes';
import { canManage } from '@/lib/roles';
import { NotificationsBell } from '@/components/orders/notifications-bell';
import { useOrg } from './org-context';

/** The organisation's tabs; the service team (in a granted project) sees only that project and its queue. */
export function OrgNav({ orgId, serviceProjectId }: { orgId: string; serviceProjectId?: string }) {
  const pathname = usePathname();
  const { org } = useOrg();
  const links = serviceProjectId ? [
    { href: pages.project(orgId, serviceProjectId), label: 'Granted project' },
    { href: '/service', label: 'Service queue' },
  ] : [
    { href: pages.projects(orgId), label: 'Projects' },
    { href: `/o/${encodeURIComponent(orgId)}/review`, label: 'Review' },
    { href: pages.models(orgId), label: 'Models' },
    { href: pages.orders(orgId), label: 'Orders' },
    { href: pages.members(orgId), label: 'Members' },
    { href: pages.tokens(orgId), label: 'API tokens' },
    ...(canManage(org.role) ? [{ href: pages.settings(orgId), label: 'Settings' }] : []),
  ];
  return (
    <nav aria-label="Organisation" className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-4 sm:px-6">
        <ul className="flex gap-1 overflow-x-auto">
          {links.map((l) => {
            const current = pathname === l.href || pathname.startsWith(`${l.href}/`);
            return (
              <li key={l.href}>
                <Link
                  href={l.href}
                  aria-current={current ? 'page' : undefined}
                  className={`-mb-px inline-block border-b-2 px-3 py-3 text-sm font-medium ${
                    current ? 'border-indigo-600 text-indigo-700' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'
                  }`}
                >
                  {l.label}
                </Link>
              </li>
            );
          })}
        </ul>
        {!serviceProjectId && <NotificationsBell orgId={orgId} />}
      </div>
    </nav>
  );
}
