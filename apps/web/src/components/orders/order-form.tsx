'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useOrg } from '@/components/app/org-context';
import { api, errorMessage, fieldErrors } from '@/lib/api-client';
import { apiPaths } from '@/lib/routes';
import { useResource } from '@/lib/use-resource';
import type { Project } from '@/lib/api-types';
import { uploadFile } from '@/components/models/models-api';
import { FormError } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField, controlClass } from '@/components/ui/field';
import { LoadingState } from '@/components/ui/states';
import { orderPages, orderPaths, type Order } from './orders-api';

/** The customer's order: project, goal, classes, example images, deadline and an optional webhook. */
export function OrderForm() {
  const { org } = useOrg();
  const router = useRouter();
  const projects = useResource<{ projects: Project[] }>(apiPaths.projects(org.id));
  const [projectId, setProjectId] = useState('');
  const [goal, setGoal] = useState('');
  const [classes, setClasses] = useState('');
  const [deadline, setDeadline] = useState('');
  const [webhookUrl, setWebhookUrl] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  if (!projects.data) return projects.error ? <FormError message={projects.error} /> : <LoadingState />;
  const list = projects.data.projects;
  if (list.length === 0) return <p className="text-sm text-slate-600">Create a project first: the service team labels and trains in it.</p>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setPending(true); setError(null); setFields({});
    const body = {
      projectId: projectId || list[0]!.id, goal: goal.trim(),
      classes: classes.split(/[,\n]/).map((c) => c.trim()).filter(Boolean),
      ...(deadline ? { deadline: new Date(`${deadline}T23:59:59`).toISOString() } : {}),
      ...(webhookUrl.trim() ? { webhookUrl: webhookUrl.trim() } : {}),
    };
    try {
      const order = await api.post<Order>(orderPaths.orders(org.id), body);
      for (const f of files) await uploadFile(orderPaths.examples(org.id, order.id, f.name), f);
      router.push(orderPages.detail(org.id, order.id));
    } catch (err) {
      setFields(fieldErrors(err));
      setError(errorMessage(err));
      setPending(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-5" noValidate>
      <SelectField label="Project" value={projectId || list[0]!.id} onChange={(e) => setProjectId(e.currentTarget.value)} error={fields.projectId}
        hint="The service team gets time-limited access to this project only, once you accept its quote.">
        {list.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </SelectField>
      <TextAreaField label="Goal" value={goal} onChange={(e) => setGoal(e.currentTarget.value)} rows={3} required error={fields.goal}
        hint="What should the model find? E.g. “Segment nuclei in DAPI widefield images, 20×.”" />
      <TextField label="Classes" value={classes} onChange={(e) => setClasses(e.currentTarget.value)} required error={fields.classes}
        hint="Comma-separated, e.g. Nucleus, Background." />
      <div className="space-y-1.5">
        <label htmlFor="order-examples" className="block text-sm font-medium text-slate-800">Example images (optional)</label>
        <input id="order-examples" type="file" multiple accept=".tif,.tiff,.png,.jpg,.jpeg,.czi,.ome.tif" className={controlClass}
          onChange={(e) => setFiles([...(e.currentTarget.files ?? [])])} aria-describedby="order-examples-hint" />
        <p id="order-examples-hint" className="text-xs text-slate-500">Up to 20 images that show what you need.</p>
      </div>
      <TextField label="Deadline (optional)" type="date" value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} error={fields.deadline} />
      <TextField label="Webhook URL (optional)" type="url" value={webhookUrl} onChange={(e) => setWebhookUrl(e.currentTarget.value)} error={fields.webhookUrl}
        placeholder="https://example.org/hooks/tessera" hint="We POST a JSON event here when the model is delivered." />
      <FormError message={error} />
      <div className="flex justify-end"><Button type="submit" pending={pending}>Place order</Button></div>
    </form>
  );
}
