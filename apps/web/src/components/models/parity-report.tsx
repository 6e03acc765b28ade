import { Badge } from '@/components/ui/page-header';
import { formatNumber, type ParityReport } from './models-api';

/** The parity report of a package: the packaged artefact against the platform's inference on the golden tiles. */
export function ParityReportView({ report }: { report: ParityReport }) {
  const t = report.thresholds;
  const rows: { label: string; value: string; limit: string; ok: boolean }[] = [
    { label: 'Max abs. probability difference', value: formatNumber(report.maxAbsProbDiff), limit: `≤ ${formatNumber(t.maxAbsProbDiff)}`, ok: report.maxAbsProbDiff <= t.maxAbsProbDiff },
    { label: 'Label agreement', value: `${(report.labelAgreement * 100).toFixed(3)} %`, limit: `≥ ${(t.minLabelAgreement * 100).toFixed(2)} %`, ok: report.labelAgreement >= t.minLabelAgreement },
    { label: 'Instance-count difference', value: String(report.instanceCountDiff), limit: `≤ ${t.maxInstanceCountDiff}`, ok: report.instanceCountDiff <= t.maxInstanceCountDiff },
  ];
  if (report.checksumsMatch !== null) rows.push({ label: 'Bundle checksums', value: report.checksumsMatch ? 'match' : 'differ', limit: 'match', ok: report.checksumsMatch });
  return (
    <div className="space-y-2" aria-label={`Parity report (${report.artefact})`} role="group">
      <div className="flex items-center gap-2 text-sm">
        <span className="font-medium text-slate-900">Parity</span>
        <Badge tone={report.passed ? 'emerald' : 'red'}>{report.passed ? 'passed' : 'failed'}</Badge>
        <span className="text-xs text-slate-500">on {report.goldenSet}</span>
      </div>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Parity figures against the platform&apos;s inference</caption>
        <thead className="text-xs text-slate-500">
          <tr><th scope="col" className="py-1 font-medium">Figure</th><th scope="col" className="py-1 font-medium">Value</th><th scope="col" className="py-1 font-medium">Threshold</th><th scope="col" className="py-1 font-medium">Result</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row" className="py-1 pr-3 font-normal text-slate-700">{r.label}</th>
              <td className="py-1 pr-3 font-mono text-xs">{r.value}</td>
              <td className="py-1 pr-3 font-mono text-xs text-slate-500">{r.limit}</td>
              <td className="py-1">{r.ok ? <span className="text-emerald-700">pass</span> : <span className="font-medium text-red-700">fail</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.failures.length > 0 && (
        <ul className="list-disc pl-5 text-sm text-red-800">{report.failures.map((f) => <li key={f}>{f}</li>)}</ul>
      )}
    </div>
  );
}
