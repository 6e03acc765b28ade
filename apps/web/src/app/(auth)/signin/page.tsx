import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { AuthCard } from '@/components/auth/auth-card';
import { InvitationSummary } from '@/components/auth/invitation-summary';
import { getSessionUser } from '@/server/session';
import { safeNext } from '@/lib/routes';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ next?: string | string[]; invite?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const sp = await searchParams;
  const next = safeNext(typeof sp.next === 'string' ? sp.next : undefined);
  const invite = typeof sp.invite === 'string' ? sp.invite : undefined;
  if (await getSessionUser()) redirect(next);
  return (
    <AuthCard title="Sign in to Tessera" subtitle="Welcome back.">
      {invite && <InvitationSummary token={invite} />}
      <SignInForm next={next} invite={invite} />
    </AuthCard>
  );
}
