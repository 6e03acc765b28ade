'use client';
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import type { Role } from '@/lib/api-types';
import { pages } from '@/lib/routes';
import { ROLE_LABELS } from '@/lib/roles';

export type SwitcherOrg = { id: string; name: string; role: Role };

/**
 * The organisation menu (WAI-ARIA menu button): Enter/Space/ArrowDown opens it, arrows move,
 * Home/End jump, Escape closes and returns focus to the button, Tab leaves it.
 */
export function OrgSwitcher({ organizations }: { organizations: SwitcherOrg[] }) {
  const params = useParams<{ orgId?: string }>();
  const current = organizations.find((o) => o.id === params.orgId);
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();

  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  const focusItem = (index: number) => {
    const all = items();
    if (all.length === 0) return;
    all[(index + all.length) % all.length]?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!menuRef.current?.contains(t) && !buttonRef.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    const i = Math.max(0, organizations.findIndex((o) => o.id === current?.id));
    focusItem(i);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
    }
  };

  const onMenuKey = (e: KeyboardEvent) => {
    const all = items();
    const i = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown') focusItem(i + 1);
    else if (e.key === 'ArrowUp') focusItem(i - 1);
    else if (e.key === 'Home') focusItem(0);
    else if (e.key === 'End') focusItem(all.length - 1);
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') {
      setOpen(false);
      return;
    } else return;
    e.preventDefault();
  };

  return (
    <div className="relative min-w-0">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Organisation: ${current?.name ?? 'none selected'}. Switch organisation`}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={onButtonKey}
        className="flex max-w-[16rem] items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-100"
      >
        <span className="truncate">{current?.name ?? 'Choose organisation'}</span>
        <svg viewBox="0 0 20 20" className="size-4 shrink-0 text-slate-500" fill="currentColor" aria-hidden="true">
          <path d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z" />
        </svg>
      </button>
      {open && (
        <ul
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label="Organisations"
          onKeyDown={onMenuKey}
          className="absolute left-0 z-40 mt-1 w-72 rounded-lg bg-white py-1 shadow-lg ring-1 ring-slate-200"
        >
          {organizations.map((o) => (
            <li key={o.id} role="none">
              <Link
                role="menuitem"
                tabIndex={-1}
                href={pages.projects(o.id)}
                onClick={() => setOpen(false)}
                aria-current={o.id === current?.id ? 'true' : undefined}
                className="flex items-center justify-between gap-3 px-3 py-2 text-sm text-slate-800 hover:bg-slate-50 focus:bg-indigo-50 focus:outline-none"
              >
                <span className="truncate font-medium">{o.name}</span>
                <span className="shrink-0 text-xs text-slate-500">
                  {ROLE_LABELS[o.role]}
                  {o.id === current?.id && <span className="sr-only"> (current)</span>}
                </span>
              </Link>
            </li>
          ))}
          <li role="separator" className="my-1 border-t border-slate-100" />
          <li role="none">
            <Link
              role="menuitem"
              tabIndex={-1}
              href={pages.newOrg()}
              onClick={() => setOpen(false)}
              className="block px-3 py-2 text-sm font-medium text-indigo-700 hover:bg-slate-50 focus:bg-indigo-50 focus:outline-none"
            >
              New organisation…
            </Link>
          </li>
        </ul>
      )}
    </div>
  );
}
