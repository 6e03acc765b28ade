'use client';
import { useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import { api } from '@/lib/api-client';
import { useSubmit } from '@/lib/use-submit';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField, TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/alert';
import { trainingPaths, type CheckIssue, type TrainingRun } from './training-api';

type Props = { open: boolean; onClose: () => void; orgId: string; projectId: string; projectKind: 'SEMANTIC' | 'INSTANCE' };

/** Fields whose API errors show under them; the rest show for the form. */
const FIELDS = ['modelType', 'duration', 'advanced.size', 'advanced.norm', 'advanced.steps', 'advanced.seed', 'advanced.learningRate'] as const;

/** The Train dialog: the pre-training checks first, then model type and duration; advanced settings behind a toggle. */
export function TrainDialog({ open, onClose, orgId, projectId, projectKind }: Props) {
  const router = useRouter();
  const [modelType, setModelType] = useState(projectKind === 'INSTANCE' ? 'instance' : 'semantic');
  const [duration, setDuration] = useState('quick');
  const [advanced, setAdvanced] = useState(false);
  const [adv, setAdv] = useState({ size: 'small', norm: 'none', steps: '', seed: '', learningRate: '' });
  const [checks, setChecks] = useState<{ ok: boolean; issues: CheckIssue[] } | null>(null);
  const { pending, error, fields, submit } = useSubmit(FIELDS);

  useEffect(() => {
    if (!open) return;
    api.get<{ ok: boolean; issues: CheckIssue[] }>(trainingPaths.checks(orgId, projectId)).then(setChecks, () => setChecks(null));
  }, [open, orgId, projectId]);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
    const body = {
      modelType, duration,
      advanced: advanced ? {
        size: adv.size,
        // 'none' is the engine's default: leave the key out so default runs keep the settings (and config) they had.
        ...(adv.norm === 'group' ? { norm: 'group' } : {}),
        steps: num(adv.steps), seed: num(adv.seed), learningRate: num(adv.learningRate),
      } : {},
    };
    await submit(async () => {
      const run = await api.post<TrainingRun>(trainingPaths.projectRuns(orgId, projectId), body);
      onClose();
      router.push(trainingPaths.runPage(orgId, projectId, run.id));
    }, { keepPending: true });
  }

  const errors = checks?.issues.filter((i) => i.severity === 'error') ?? [];
  const warnings = checks?.issues.filter((i) => i.severity !== 'error') ?? [];
  return (
    <Dialog open={open} onClose={onClose} title="Train a model" description="Trains on the labelled pixels of this project's images as they are now.">
      <form onSubmit={(e) => void onSubmit(e)} className="space-y-4">
        <section aria-label="Checks before training" className="rounded-md border border-slate-200 p-3 text-sm">
          {checks === null ? <p className="text-slate-500">Checking annotations…</p>
            : errors.length + warnings.length === 0 ? <p className="text-emerald-700">Annotations look ready for training.</p>
            : (
              <ul className="max-h-32 space-y-1 overflow-auto">
                {[...errors, ...warnings].slice(0, 8).map((i, k) => (
                  <li key={k} className={i.severity === 'error' ? 'text-red-700' : 'text-amber-700'}>{i.imageName ? `${i.imageName}: ` : ''}{i.message}</li>
                ))}
              </ul>
            )}
        </section>
        <SelectField label="Model type" error={fields.modelType} value={modelType} onChange={(e) => setModelType(e.target.value)}>
          <option value="semantic">Semantic segmentation (a class per pixel)</option>
          <option value="instance">Instance segmentation (separate objects)</option>
        </SelectField>
        <SelectField label="Duration" error={fields.duration} value={duration} onChange={(e) => setDuration(e.target.value)}>
          <option value="quick">Quick (300 steps)</option>
          <option value="standard">Standard (1,500 steps, early stopping)</option>
          <option value="long">Long (6,000 steps, early stopping)</option>
        </SelectField>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={advanced} onChange={(e) => setAdvanced(e.target.checked)} className="size-4 rounded border-slate-300 focus-visible:outline-2 focus-visible:outline-indigo-600" />
          Advanced settings
        </label>
        {advanced && (
          <div className="grid grid-cols-2 gap-3">
            <SelectField label="Network size" error={fields['advanced.size']} value={adv.size} onChange={(e) => setAdv({ ...adv, size: e.target.value })}>
              <option value="small">Small</option><option value="medium">Medium</option><option value="large">Large</option>
            </SelectField>
            <SelectField
              label="Normalisation" error={fields['advanced.norm']} value={adv.norm} onChange={(e) => setAdv({ ...adv, norm: e.target.value })}
              hint="Group norm usually trains faster and steadier on small batches; statistics are per tile."
            >
              <option value="none">None</option><option value="group">Group norm (8 groups)</option>
            </SelectField>
            <TextField label="Steps" error={fields['advanced.steps']} inputMode="numeric" value={adv.steps} onChange={(e) => setAdv({ ...adv, steps: e.target.value })} placeholder="preset" />
            <TextField label="Seed" error={fields['advanced.seed']} inputMode="numeric" value={adv.seed} onChange={(e) => setAdv({ ...adv, seed: e.target.value })} placeholder="random" />
            <TextField label="Learning rate" error={fields['advanced.learningRate']} inputMode="decimal" value={adv.learningRate} onChange={(e) => setAdv({ ...adv, learningRate: e.target.value })} placeholder="0.002" />
          </div>
        )}
        <FormError message={error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="submit" pending={pending} disabled={errors.length > 0}>Start training</Button>
        </div>
      </form>
    </Dialog>
  );
}
