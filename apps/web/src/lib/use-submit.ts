'use client';
import { useState } from 'react';
import { errorMessage, fieldErrors } from './api-client';

/**
 * The state every form of the app keeps around one API call: pending, the errors the API attached to named fields
 * (shown under them), and any other error (shown for the form). `fieldNames` are the fields this form shows.
 */
export function useSubmit(fieldNames: readonly string[]) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const reset = () => {
    setError(null);
    setFields({});
  };

  /** Runs the call; true when it succeeded. `keepPending` leaves the form disabled after success (it navigates away). */
  const submit = async (call: () => Promise<void>, opts: { keepPending?: boolean } = {}): Promise<boolean> => {
    setPending(true);
    reset();
    try {
      await call();
      if (!opts.keepPending) setPending(false);
      return true;
    } catch (err) {
      const byField = fieldErrors(err);
      setFields(byField);
      setError(fieldNames.some((n) => byField[n]) ? null : errorMessage(err));
      setPending(false);
      return false;
    }
  };

  return { pending, error, fields, setFields, reset, submit };
}
