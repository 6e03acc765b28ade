'use client';
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { Role } from '@/lib/api-types';

export type CurrentOrg = { id: string; name: string; role: Role };
export type CurrentUser = { id: string; name: string; email: string };

const OrgContext = createContext<{ org: CurrentOrg; user: CurrentUser } | null>(null);

export function OrgProvider({ org, user, children }: { org: CurrentOrg; user: CurrentUser; children: ReactNode }) {
  return <OrgContext.Provider value={{ org, user }}>{children}</OrgContext.Provider>;
}

/** The organisation of the current page and the caller's role in it. */
export function useOrg(): { org: CurrentOrg; user: CurrentUser } {
  const value = useContext(OrgContext);
  if (!value) throw new Error('useOrg() must be used inside /o/[orgId]');
  return value;
}
