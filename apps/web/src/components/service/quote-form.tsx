'use client';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, errorMessage, fieldErrors } from '@/lib/api-client';
import { orderPaths, type Order } from '@/components/orders/orders-api';
import { FormError } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';

/** The service team's quote: an amount, a currency and a note for the customer. */
export function QuoteForm({ order, onQuoted }: { order: Order; onQuoted: () => void }) {
  const [amount, setAmount] = useState(order.quote ? String(order.quote.amountCents / 100) : '');
  const [currency, setCurrency] = useState(order.quote?.currency ?? 'EUR');
  const [note, setNote] = useState(order.quote?.note ?? '');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = Number(amount.replace(',', '.'));
    if (!amount.trim() || !Number.isFinite(value) || value < 0) { setFields({ amountCents: 'Enter an amount, e.g. 1200.' }); return; }
    setPending(true); setError(null); setFields({});
    try {
      await api.post(orderPaths.quote(order.id), { amountCents: Math.round(value * 100), currency: currency.trim().toUpperCase(), ...(note.trim() ? { note: note.trim() } : {}) });
      onQuoted();
    } catch (err) {
      setFields(fieldErrors(err));
      setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
        <TextField label="Amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={fields.amountCents} required />
        <TextField label="Currency" value={currency} maxLength={3} onChange={(e) => setCurrency(e.currentTarget.value)} error={fields.currency} required />
      </div>
      <TextAreaField label="Note to the customer" rows={3} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fields.note}
        hint="What is included, how long it takes." />
      <FormError message={error} />
      <Button type="submit" pending={pending}>{order.quote ? 'Update quote' : 'Send quote'}</Button>
    </form>
  );
}
