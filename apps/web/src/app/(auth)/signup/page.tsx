import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { AuthCard } from '@/components/auth/auth-card';
import { InvitationSummary } from '@/components/auth/invitation-summary';
import { getSessionUser } from '@/server/session';
import { pages, safeNext } from '@/lib/routes';

export const metadata: Metadata = { title: 'Create an account' };

type Props = { searchParams: Promise<{ next?: string | string[]; invite?: string | string[] }> };

export default async function SignUpPage({ searchParams }: Props) {
  const sp = await searchParams;
  const invite = typeof sp.invite === 'string' && sp.invite ? sp.invite : undefined;
  const next = typeof sp.next === 'string' ? safeNext(sp.next) : undefined;
  if (await getSessionUser()) redirect(invite ? pages.invitation(invite) : (next ?? '/'));
  return (
    <AuthCard
      title={invite ? 'Create your account' : 'Create your Tessera account'}
      subtitle={invite ? undefined : 'Start an organisation for your team or lab.'}
    >
      {invite && <InvitationSummary token={invite} />}
      <SignUpForm next={next} invite={invite} />
    </AuthCard>
  );
}
