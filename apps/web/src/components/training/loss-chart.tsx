import type { Point } from './training-api';

/** Loss per step (line) and validation mean IoU (dots, right axis) as plain SVG. */
export function LossChart({ points, totalSteps }: { points: Point[]; totalSteps: number }) {
  const W = 560, H = 200, L = 44, R = 40, T = 10, B = 26;
  if (points.length === 0) return <p className="text-sm text-slate-500">The loss curve appears when training starts.</p>;
  const maxLoss = Math.max(...points.map((p) => p.loss), 1e-6);
  const x = (step: number) => L + ((W - L - R) * step) / Math.max(totalSteps, 1);
  const y = (loss: number) => T + (H - T - B) * (1 - loss / maxLoss);
  const yv = (v: number) => T + (H - T - B) * (1 - v);
  const stride = Math.max(1, Math.floor(points.length / 600));
  const d = points.filter((_, i) => i % stride === 0 || i === points.length - 1).map((p, i) => `${i ? 'L' : 'M'}${x(p.step).toFixed(1)},${y(p.loss).toFixed(1)}`).join('');
  const vals = points.filter((p) => p.valMetric !== null);
  const last = points[points.length - 1]!;
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} className="w-full max-w-2xl" role="img" aria-label={`Loss curve: step ${last.step}, loss ${last.loss.toFixed(4)}`} data-testid="loss-chart" data-points={points.length}>
        <line x1={L} y1={H - B} x2={W - R} y2={H - B} className="stroke-slate-300" />
        <line x1={L} y1={T} x2={L} y2={H - B} className="stroke-slate-300" />
        <text x={L - 6} y={T + 8} textAnchor="end" className="fill-slate-500 text-[10px]">{maxLoss.toPrecision(2)}</text>
        <text x={L - 6} y={H - B} textAnchor="end" className="fill-slate-500 text-[10px]">0</text>
        <text x={W - R} y={H - 8} textAnchor="end" className="fill-slate-500 text-[10px]">step {totalSteps}</text>
        <text x={L} y={H - 8} className="fill-slate-500 text-[10px]">loss</text>
        <path d={d} fill="none" className="stroke-indigo-600" strokeWidth={1.5} />
        {vals.map((p) => <circle key={p.step} cx={x(p.step)} cy={yv(p.valMetric!)} r={3} className="fill-emerald-500"><title>{`step ${p.step}: validation IoU ${p.valMetric!.toFixed(3)}`}</title></circle>)}
        {vals.length > 0 && <text x={W - R + 4} y={T + 8} className="fill-emerald-600 text-[10px]">IoU 1</text>}
      </svg>
      <figcaption className="text-xs text-slate-500">Training loss (line) and validation mean IoU on held-out labelled areas (green dots).</figcaption>
    </figure>
  );
}
