import type { Metadata } from 'next';
import Link from 'next/link';
import { Logo } from '@/components/app/logo';
import { AcceptInvitation } from '@/components/auth/accept-invitation';
import { getSessionUser } from '@/server/session';

export const metadata: Metadata = { title: 'Invitation' };

type Props = { params: Promise<{ token: string }> };

export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const user = await getSessionUser();
  return (
    <div className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <header className="mb-8">
        <Link href="/" aria-label="Tessera home">
          <Logo className="text-xl" />
        </Link>
      </header>
      <main id="main" className="w-full max-w-md">
        <AcceptInvitation token={token} user={user ? { name: user.name, email: user.email } : null} />
      </main>
    </div>
  );
}
