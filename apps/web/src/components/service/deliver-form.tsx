'use client';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { errorMessage } from '@/lib/api-client';
import { uploadFile } from '@/components/models/models-api';
import { orderPaths } from '@/components/orders/orders-api';
import { FormError } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField, controlClass } from '@/components/ui/field';

/** Delivery: the trained .czann becomes a version in the customer's project; the team's access ends. */
export function DeliverForm({ orderId, onDelivered }: { orderId: string; onDelivered: (r: { webhookStatus: number | null }) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) { setError('Choose the model file (.czann) to deliver.'); return; }
    setPending(true); setError(null);
    try {
      onDelivered(await uploadFile<{ webhookStatus: number | null }>(orderPaths.deliveries(orderId, file.name, name.trim() || undefined), file));
    } catch (err) {
      setError(errorMessage(err));
      setPending(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-3" noValidate>
      <div className="space-y-1.5">
        <label htmlFor="deliver-file" className="block text-sm font-medium text-slate-800">Model file</label>
        <input id="deliver-file" type="file" accept=".czann,.czmodel,.czseg" className={controlClass} onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
      </div>
      <TextField label="Model name (optional)" value={name} maxLength={100} onChange={(e) => setName(e.currentTarget.value)} />
      <FormError message={error} />
      <Button type="submit" pending={pending}>Deliver model</Button>
    </form>
  );
}
