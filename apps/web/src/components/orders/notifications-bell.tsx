'use client';
import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import { api } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { orderPaths, type Notification } from './orders-api';

const POLL_MS = 30_000;
const SEEN_KEY = (orgId: string) => `tessera.notifications.seen.${orgId}`;

/**
 * In-app notifications of the organisation (order quoted, delivered, …): a bell with the number of new ones and a
 * list that opens below it. "New" is what arrived since the list was last opened on this device.
 */
export function NotificationsBell({ orgId }: { orgId: string }) {
  const [items, setItems] = useState<Notification[]>([]);
  const [open, setOpen] = useState(false);
  const [seen, setSeen] = useState<string>('');
  const panelId = useId();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setSeen(localStorage.getItem(SEEN_KEY(orgId)) ?? '');
    let alive = true;
    const load = () => api.get<{ notifications: Notification[] }>(orderPaths.notifications(orgId)).then((r) => alive && setItems(r.notifications)).catch(() => undefined);
    void load();
    const timer = setInterval(load, POLL_MS);
    return () => { alive = false; clearInterval(timer); };
  }, [orgId]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') setOpen(false); };
    const onClick = (e: MouseEvent) => { if (!ref.current?.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => { document.removeEventListener('keydown', onKey); document.removeEventListener('mousedown', onClick); };
  }, [open]);

  const unread = items.filter((n) => !n.readAt && n.createdAt > seen).length;
  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next && items[0]) {
      localStorage.setItem(SEEN_KEY(orgId), items[0].createdAt);
      setSeen(items[0].createdAt);
    }
  };
  return (
    <div className="relative" ref={ref}>
      <button type="button" onClick={toggle} aria-expanded={open} aria-controls={panelId}
        aria-label={`Notifications${unread ? ` (${unread} new)` : ''}`}
        className="relative rounded-md p-2 text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600">
        <svg viewBox="0 0 20 20" className="size-5" aria-hidden="true" fill="currentColor">
          <path fillRule="evenodd" d="M10 2a6 6 0 0 0-6 6c0 1.89-.45 3.67-1.24 5.24a.75.75 0 0 0 .67 1.09h3.1a3.5 3.5 0 0 0 6.94 0h3.1a.75.75 0 0 0 .67-1.09A11.44 11.44 0 0 1 16 8a6 6 0 0 0-6-6Zm-1.96 12.33a2 2 0 0 0 3.92 0H8.04Z" clipRule="evenodd" />
        </svg>
        {unread > 0 && <span aria-hidden="true" className="absolute -right-0.5 -top-0.5 rounded-full bg-red-600 px-1.5 text-[10px] font-semibold leading-4 text-white">{unread}</span>}
      </button>
      {open && (
        <div id={panelId} role="region" aria-label="Notifications" className="absolute right-0 z-40 mt-2 w-80 rounded-lg bg-white shadow-lg ring-1 ring-slate-200">
          {items.length === 0 ? <p className="px-4 py-6 text-center text-sm text-slate-500">No notifications.</p> : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
              {items.map((n) => (
                <li key={n.id}>
                  {n.link ? (
                    <Link href={`/o/${encodeURIComponent(orgId)}${n.link}`} onClick={() => setOpen(false)} className="block px-4 py-3 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600">
                      <span className="block text-slate-900">{n.title}</span>
                      <span className="text-xs text-slate-500">{formatDateTime(n.createdAt)}</span>
                    </Link>
                  ) : (
                    <p className="px-4 py-3 text-sm"><span className="block text-slate-900">{n.title}</span><span className="text-xs text-slate-500">{formatDateTime(n.createdAt)}</span></p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
