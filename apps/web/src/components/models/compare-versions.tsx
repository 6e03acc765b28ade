'use client';
import { useResource } from '@/lib/use-resource';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { formatNumber, modelPaths, type Comparison } from './models-api';

/** Versions' metrics side by side, the best value of each row marked. */
export function CompareVersions({ orgId, modelId }: { orgId: string; modelId: string }) {
  const cmp = useResource<Comparison>(modelPaths.comparison(orgId, modelId));
  if (cmp.error) return <ErrorState message={cmp.error} onRetry={cmp.reload} />;
  if (!cmp.data) return <LoadingState />;
  const { versions, metrics } = cmp.data;
  if (metrics.length === 0) return <p className="text-sm text-slate-500">No version has metrics yet (imported and delivered models bring none; trained versions do).</p>;
  const lowerIsBetter = (name: string) => /loss|error|mse|mae/i.test(name);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label="Metrics by version">
        <thead className="text-xs text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">Metric</th>
            {versions.map((v) => <th key={v.id} scope="col" className="py-2 pr-3 font-medium">v{v.number}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {metrics.map((m) => {
            const nums = m.values.filter((x): x is number => x !== null);
            const best = nums.length > 1 ? (lowerIsBetter(m.name) ? Math.min(...nums) : Math.max(...nums)) : null;
            return (
              <tr key={m.name}>
                <th scope="row" className="py-1.5 pr-3 font-normal text-slate-700">{m.name}</th>
                {m.values.map((x, i) => (
                  <td key={versions[i]?.id ?? i} className={`py-1.5 pr-3 font-mono text-xs ${x !== null && x === best ? 'font-semibold text-emerald-700' : ''}`}>
                    {formatNumber(x)}{x !== null && x === best && <span className="sr-only"> (best)</span>}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
