'use client';
import { useState } from 'react';
import type { FormEvent } from 'react';
import Link from 'next/link';
import { signIn } from 'next-auth/react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/alert';
import { TextField } from '@/components/ui/field';
import { ApiError, api, errorMessage, fieldErrors } from '@/lib/api-client';
import type { Org } from '@/lib/api-types';
import { apiPaths, pages } from '@/lib/routes';

type SignUpResult = { user: { id: string; name: string; email: string }; organization: Org };

/** Which field an API error belongs to, when it names one (e.g. a taken email). */
function fieldForError(e: unknown): string | null {
  if (e instanceof ApiError && e.code === 'CONFLICT' && /email/i.test(e.message)) return 'email';
  return null;
}

/**
 * Creates the account together with the user's organisation or, with an invitation, together with the membership
 * of the inviting organisation; signs in and ends on that organisation's projects page.
 */
export function SignUpForm({ next, invite }: { next?: string; invite?: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const body: Record<string, string> = { name: String(form.get('name') ?? '').trim(), email, password };
    if (invite) body.invitationToken = invite;
    else body.organizationName = String(form.get('organizationName') ?? '').trim();

    setPending(true);
    setError(null);
    setFields({});
    let created: SignUpResult;
    try {
      created = await api.post<SignUpResult>(apiPaths.signup(), body);
    } catch (err) {
      const byField = fieldErrors(err);
      const field = fieldForError(err);
      if (field) byField[field] = errorMessage(err);
      setFields(byField);
      setError(Object.keys(byField).length > 0 ? null : errorMessage(err));
      setPending(false);
      return;
    }

    const res = await signIn('credentials', { email, password, redirect: false }).catch(() => undefined);
    if (!res || res.error) {
      // The account exists; let the person sign in by hand.
      window.location.assign(pages.signIn(invite ? pages.invitation(invite) : next));
      return;
    }

    const org = created.organization;
    window.location.assign(org && (invite || !next) ? pages.projects(org.id) : (next ?? '/'));
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-5">
      <TextField label="Your name" name="name" autoComplete="name" required autoFocus error={fields.name} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={fields.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters."
        error={fields.password}
      />
      {!invite && (
        <TextField
          label="Organisation name"
          name="organizationName"
          autoComplete="organization"
          required
          hint="Your team or lab. You can invite people once it exists."
          error={fields.organizationName}
        />
      )}
      <FormError message={error} />
      <Button type="submit" pending={pending} className="w-full">
        {invite ? 'Create account and join' : 'Create account'}
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{' '}
        <Link href={pages.signIn(invite ? pages.invitation(invite) : next)} className="font-medium text-indigo-700 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
