'use client';
import { useState } from 'react';
import { signOut } from 'next-auth/react';
import { Button } from '@/components/ui/button';

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      pending={pending}
      onClick={() => {
        setPending(true);
        void signOut({ redirectTo: '/signin' });
      }}
    >
      Sign out
    </Button>
  );
}
