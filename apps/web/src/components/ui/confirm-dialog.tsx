'use client';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { errorMessage } from '@/lib/api-client';
import { FormError } from './alert';
import { Button } from './button';
import { Dialog } from './dialog';

type ConfirmDialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Runs the action; a thrown error (e.g. the API's LAST_OWNER message) is shown in the dialog. */
  onConfirm: () => Promise<void>;
  destructive?: boolean;
};

/** Asks before a destructive or far-reaching action and shows the API's answer if it refuses. */
export function ConfirmDialog({ open, onClose, title, children, confirmLabel, onConfirm, destructive = true }: ConfirmDialogProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    if (pending) return;
    setError(null);
    onClose();
  };

  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setPending(false);
      onClose();
    } catch (e) {
      setPending(false);
      setError(errorMessage(e));
    }
  };

  return (
    <Dialog open={open} onClose={close} title={title} size="sm">
      <div className="space-y-4">
        <div className="text-sm text-slate-700">{children}</div>
        <FormError message={error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close} disabled={pending}>
            Cancel
          </Button>
          <Button variant={destructive ? 'danger' : 'primary'} onClick={() => void confirm()} pending={pending}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
