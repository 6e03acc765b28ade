'use client';
import { nextClassColor } from '@/lib/colors';
import { Button } from '@/components/ui/button';
import { controlClass } from '@/components/ui/field';

export type ClassDraft = { key: number; name: string; color: string };

let nextKey = 1;
export function newClassDraft(existing: ClassDraft[], name = ''): ClassDraft {
  return { key: nextKey++, name, color: nextClassColor(existing.map((c) => c.color)) };
}

type Props = { value: ClassDraft[]; onChange: (next: ClassDraft[]) => void; errors: Record<string, string> };

/** Rows of (name, colour) for the classes a new project starts with; errors keyed `labelClasses.<i>.<field>`. */
export function ClassDraftsEditor({ value, onChange, errors }: Props) {
  const update = (key: number, patch: Partial<ClassDraft>) => onChange(value.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">Label classes</legend>
      <p className="text-xs text-slate-500">What annotators will mark, e.g. nucleus, cytoplasm, background. You can change them later.</p>
      <ol className="space-y-2">
        {value.map((c, i) => {
          const err = errors[`labelClasses.${i}.name`] ?? errors[`labelClasses.${i}.color`] ?? errors[`labelClasses.${i}`];
          return (
            <li key={c.key}>
              <div className="flex items-center gap-2">
                <input
                  type="color"
                  value={c.color}
                  onChange={(e) => update(c.key, { color: e.target.value })}
                  aria-label={`Class ${i + 1} colour`}
                  className="h-9 w-10 shrink-0 cursor-pointer rounded-md border border-slate-300 bg-white p-1"
                />
                <input
                  value={c.name}
                  onChange={(e) => update(c.key, { name: e.target.value })}
                  aria-label={`Class ${i + 1} name`}
                  aria-invalid={err ? true : undefined}
                  placeholder="Class name"
                  maxLength={100}
                  className={controlClass}
                />
                <Button variant="ghost" size="sm" onClick={() => onChange(value.filter((x) => x.key !== c.key))} aria-label={`Remove class ${i + 1}`}>
                  Remove
                </Button>
              </div>
              {err && <p className="mt-1 text-sm text-red-700">{err}</p>}
            </li>
          );
        })}
      </ol>
      <Button variant="secondary" size="sm" onClick={() => onChange([...value, newClassDraft(value)])}>
        Add class
      </Button>
    </fieldset>
  );
}
