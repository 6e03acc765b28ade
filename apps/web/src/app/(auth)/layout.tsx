import type { ReactNode } from 'react';
import Link from 'next/link';
import { Logo } from '@/components/app/logo';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <header className="mb-8">
        <Link href="/" className="rounded-md" aria-label="Tessera home">
          <Logo className="text-xl" />
        </Link>
      </header>
      <main id="main" className="w-full max-w-sm">
        {children}
      </main>
    </div>
  );
}
