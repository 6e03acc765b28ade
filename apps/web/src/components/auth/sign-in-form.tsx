'use client';
import { useState } from 'react';
import type { FormEvent } from 'react';
import Link from 'next/link';
import { signIn } from 'next-auth/react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/alert';
import { TextField } from '@/components/ui/field';
import { pages } from '@/lib/routes';

/** Maps Auth.js's sign-in result to words for a person. */
export function signInErrorMessage(error: string | undefined, code: string | undefined): string {
  if (code && /rate|limit|many/i.test(code)) return 'Too many sign-in attempts. Please wait a minute and try again.';
  if (error === 'CredentialsSignin' || code === 'credentials') return 'The email or password is incorrect.';
  return 'Sign-in failed. Please try again.';
}

export function SignInForm({ next, invite }: { next: string; invite?: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await signIn('credentials', {
        email: String(form.get('email') ?? '').trim(),
        password: String(form.get('password') ?? ''),
        redirect: false,
      });
      if (!res || res.error) {
        setError(signInErrorMessage(res?.error, res?.code));
        setPending(false);
        return;
      }
      window.location.assign(next);
    } catch {
      setError('Could not reach the server. Check your connection and try again.');
      setPending(false);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-5" noValidate={false}>
      <TextField label="Email" name="email" type="email" autoComplete="email" required autoFocus />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <FormError message={error} />
      <Button type="submit" pending={pending} className="w-full">
        Sign in
      </Button>
      <p className="text-center text-sm text-slate-600">
        New to Tessera?{' '}
        <Link href={pages.signUp({ next: next === '/' ? undefined : next, invite })} className="font-medium text-indigo-700 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
