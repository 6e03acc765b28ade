import type { Finding } from './models-api';

/** Validation findings of a model file (errors first), or a line saying there are none. */
export function FindingsList({ findings, label = 'Validation findings' }: { findings: Finding[]; label?: string }) {
  if (findings.length === 0) return <p className="text-sm text-emerald-700">Validation found nothing to report.</p>;
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <ul aria-label={label} className="space-y-1.5 text-sm">
      {sorted.map((f, i) => (
        <li key={`${f.code}-${i}`} className="flex gap-2">
          <span className={`mt-0.5 inline-flex h-5 shrink-0 items-center rounded px-1.5 text-xs font-semibold uppercase ${f.severity === 'error' ? 'bg-red-100 text-red-800' : 'bg-amber-100 text-amber-900'}`}>
            {f.severity}
          </span>
          <span className="text-slate-700">
            {f.message}
            {f.field && <span className="ml-1 font-mono text-xs text-slate-500">({f.field})</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
