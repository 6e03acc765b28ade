import type { ViewerHistogram } from './engine/types';

/** Log-scaled bars of the stored histogram with the current display window shaded. */
export function HistogramWidget({ histogram, min, max, color, label }: { histogram: ViewerHistogram; min: number; max: number; color: string; label: string }) {
  const W = 200;
  const H = 48;
  const { counts, edges } = histogram;
  const lo = edges[0] ?? 0;
  const hi = edges[edges.length - 1] ?? 1;
  const span = hi - lo || 1;
  const peak = Math.log1p(Math.max(1, ...counts));
  const x = (v: number) => ((v - lo) / span) * W;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-12 w-full rounded bg-slate-900" role="img" aria-label={label}>
      <rect x={Math.max(0, x(min))} y={0} width={Math.max(0, Math.min(W, x(max)) - Math.max(0, x(min)))} height={H} fill="white" opacity={0.12} />
      {counts.map((c, i) => {
        const h = (Math.log1p(c) / peak) * H;
        const x0 = x(edges[i]!);
        return <rect key={i} x={x0} y={H - h} width={Math.max(0.5, x(edges[i + 1]!) - x0)} height={h} fill={color} />;
      })}
    </svg>
  );
}
