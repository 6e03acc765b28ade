import { expect } from 'vitest';
import { postSignup } from '@/server/api/endpoints/account';
import { db } from '@/server/context';
import { addMember, type TestRole } from '@tessera/testing';
import { callRoute, sessionFor } from './call-route';

let n = 0;

/** A fresh organisation through the real sign-up endpoint, plus members with the given roles. */
export async function orgWithMembers(roles: TestRole[] = []) {
  n += 1;
  const email = `owner-${Date.now()}-${n}@example.test`;
  const r = await callRoute(postSignup, {
    method: 'POST',
    body: { name: 'Owner', email, password: 'correct horse battery', organizationName: `Lab ${n}` },
  });
  expect(r.status).toBe(201);
  const orgId = r.json.organization.id as string;
  const owner = { id: r.json.user.id as string, auth: await sessionFor(r.json.user.id) };
  const members: Record<string, { id: string; auth: { session: string } }> = {};
  for (const role of roles) {
    const u = await addMember(db(), orgId, role);
    members[role] = { id: u.id, auth: await sessionFor(u.id) };
  }
  return { orgId, owner, members };
}
