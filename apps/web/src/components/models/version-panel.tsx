'use client';
import Link from 'next/link';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { FormError } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Badge, Card } from '@/components/ui/page-header';
import { FindingsList } from './findings-list';
import { formatBytes, formatNumber, modelPaths, SOURCE_LABEL, startDownload, type ModelVersion } from './models-api';
import { NotesEditor } from './notes-editor';
import { PackagePanel } from './package-panel';
import { RunPanel } from './run-panel';

type Props = { orgId: string; projectId: string; version: ModelVersion; canManage: boolean; canRun: boolean; onChanged: (v: ModelVersion) => void };

/** One version: source and lineage, metrics, notes, findings, the file, packaging with parity and a run on an image. */
export function VersionPanel({ orgId, projectId, version, canManage, canRun, onChanged }: Props) {
  const [error, setError] = useState<string | null>(null);
  const lineage = Object.entries(version.lineage ?? {}).filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object');
  const metrics = Object.entries(version.metrics ?? {});
  const downloadSource = async () => {
    setError(null);
    try { await startDownload(modelPaths.sourceDownload(orgId, version.modelId, version.id)); } catch (e) { setError(errorMessage(e)); }
  };
  return (
    <Card className="space-y-6 p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">Version {version.number}</h2>
          <p className="mt-0.5 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <Badge tone="indigo">{SOURCE_LABEL[version.source]}</Badge>
            <span>{version.modelType}</span>
            <span>· {version.format}</span>
            <span>· {formatDateTime(version.createdAt)}</span>
            {!version.valid && <Badge tone="red">validation errors</Badge>}
          </p>
          {version.classes.length > 0 && <p className="mt-1 text-sm text-slate-600">Classes: {version.classes.join(', ')}</p>}
        </div>
        <Button variant="secondary" size="sm" onClick={() => void downloadSource()}>
          Download {version.fileName} <span className="text-xs opacity-80">{formatBytes(version.fileBytes)}</span>
        </Button>
      </div>
      <FormError message={error} />

      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <Item title="Lineage">
          {lineage.length === 0 ? '—' : (
            <ul className="space-y-0.5">
              {lineage.map(([k, v]) => (
                <li key={k}>
                  <span className="text-slate-500">{k}: </span>
                  {k === 'trainingRunId' ? <Link className="text-indigo-700 hover:underline" href={`/o/${encodeURIComponent(orgId)}/projects/${encodeURIComponent(projectId)}/training/${encodeURIComponent(String(v))}`}>{String(v)}</Link>
                    : k === 'orderId' ? <Link className="text-indigo-700 hover:underline" href={`/o/${encodeURIComponent(orgId)}/orders/${encodeURIComponent(String(v))}`}>order {String(v)}</Link>
                    : <span className="break-all font-mono text-xs">{String(v)}</span>}
                </li>
              ))}
            </ul>
          )}
        </Item>
        <Item title="Metrics">
          {metrics.length === 0 ? '—' : (
            <ul className="space-y-0.5">{metrics.map(([k, v]) => <li key={k}><span className="text-slate-500">{k}: </span><span className="font-mono text-xs">{formatNumber(v)}</span></li>)}</ul>
          )}
        </Item>
        <Item title="File SHA-256"><span className="break-all font-mono text-xs">{version.fileSha256}</span></Item>
      </dl>

      <Block title="Notes"><NotesEditor orgId={orgId} version={version} editable={canManage} onSaved={onChanged} /></Block>
      <Block title="Validation findings"><FindingsList findings={version.findings} label={`Validation findings of version ${version.number}`} /></Block>
      <Block title="Packages and downloads"><PackagePanel orgId={orgId} version={version} canPackage={canManage} /></Block>
      {canRun && <Block title="Run on an image"><RunPanel orgId={orgId} projectId={projectId} version={version} /></Block>}
    </Card>
  );
}

function Item({ title, children }: { title: string; children: ReactNode }) {
  return <div><dt className="font-medium text-slate-800">{title}</dt><dd className="mt-0.5 text-slate-700">{children}</dd></div>;
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return <section className="space-y-2 border-t border-slate-100 pt-4"><h3 className="text-sm font-semibold text-slate-900">{title}</h3>{children}</section>;
}
