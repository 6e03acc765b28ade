'use client';
import { useId, useRef, useState } from 'react';
import { controlClass } from './field';
import { Button } from './button';

/** A read-only value (an invitation link, a token secret) with a Copy button; the result is announced. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('Copied to clipboard');
    } catch {
      inputRef.current?.select();
      setStatus('Press Ctrl+C (⌘C) to copy the selected text');
    }
  };

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          ref={inputRef}
          id={id}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className={`${controlClass} font-mono text-xs`}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <Button variant="secondary" onClick={() => void copy()}>
          Copy
        </Button>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      <p role="status" aria-live="polite" className="text-xs text-emerald-700">
        {status}
      </p>
    </div>
  );
}
