/** The Tessera mark: four tiles, one highlighted, like a labelled patch in a tiled image. */
export function Logo({ withName = true, className = '' }: { withName?: boolean; className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight text-slate-900 ${className}`}>
      <svg viewBox="0 0 24 24" className="size-6" aria-hidden="true">
        <rect x="2" y="2" width="9" height="9" rx="2" className="fill-indigo-600" />
        <rect x="13" y="2" width="9" height="9" rx="2" className="fill-indigo-300" />
        <rect x="2" y="13" width="9" height="9" rx="2" className="fill-indigo-300" />
        <rect x="13" y="13" width="9" height="9" rx="2" className="fill-emerald-400" />
      </svg>
      {withName && <span>Tessera</span>}
    </span>
  );
}
