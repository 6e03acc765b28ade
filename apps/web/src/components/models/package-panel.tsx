'use client';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { Alert, FormError } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Badge } from '@/components/ui/page-header';
import { ParityReportView } from './parity-report';
import { formatBytes, JOB_TONE, modelPaths, startDownload, type ArtifactName, type ModelPackage, type ModelVersion } from './models-api';

const ARTIFACT_LABEL: Record<ArtifactName, string> = { czann: '.czann', onnx: 'ONNX', bundle: 'Bundle (.tar.gz)', image: 'Docker image (docker save)', parity: 'Parity report (JSON)' };
const KIND_LABEL = { CZANN: '.czann', BUNDLE: 'Container bundle' } as const;
const POLL_MS = 1500;

type Props = { orgId: string; version: ModelVersion; canPackage: boolean };

/** Packaging of one version: request a .czann or bundle, follow its status live, see parity, download artefacts. */
export function PackagePanel({ orgId, version, canPackage }: Props) {
  const [packages, setPackages] = useState<ModelPackage[]>(version.packages);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setPackages(version.packages), [version.packages]);

  const active = packages.filter((p) => p.status === 'QUEUED' || p.status === 'RUNNING').map((p) => p.id).join(',');
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      for (const id of active.split(',')) {
        api.get<ModelPackage>(modelPaths.package(orgId, version.modelId, version.id, id))
          .then((p) => setPackages((all) => all.map((x) => (x.id === p.id ? p : x))))
          .catch(() => undefined);
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [active, orgId, version.modelId, version.id]);

  const request = async (kind: 'CZANN' | 'BUNDLE') => {
    setPending(kind); setError(null);
    try {
      const p = await api.post<ModelPackage>(modelPaths.packages(orgId, version.modelId, version.id), { kind });
      setPackages((all) => [p, ...all]);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(null);
    }
  };

  const bundleable = /Segmentation|Regression/.test(version.modelType);
  return (
    <div className="space-y-3">
      {canPackage && (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" size="sm" pending={pending === 'CZANN'} onClick={() => void request('CZANN')}>Package as .czann</Button>
          {bundleable && <Button variant="secondary" size="sm" pending={pending === 'BUNDLE'} onClick={() => void request('BUNDLE')}>Package as container bundle</Button>}
        </div>
      )}
      <FormError message={error} />
      {packages.length === 0 ? <p className="text-sm text-slate-500">Not packaged yet. Every package is checked for parity with the platform&apos;s inference.</p> : (
        <ul aria-label={`Packages of version ${version.number}`} className="space-y-3">
          {packages.map((p) => <PackageItem key={p.id} orgId={orgId} version={version} pkg={p} />)}
        </ul>
      )}
    </div>
  );
}

function PackageItem({ orgId, version, pkg }: { orgId: string; version: ModelVersion; pkg: ModelPackage }) {
  const [error, setError] = useState<string | null>(null);
  const download = async (artifact: ArtifactName) => {
    setError(null);
    try {
      await startDownload(modelPaths.packageDownload(orgId, version.modelId, version.id, pkg.id), { artifact });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const busy = pkg.status === 'QUEUED' || pkg.status === 'RUNNING';
  const names = (Object.keys(pkg.artifacts) as ArtifactName[]).filter((a) => pkg.status === 'SUCCEEDED' || a === 'parity');
  return (
    <li className="space-y-3 rounded-md p-3 ring-1 ring-slate-200" aria-label={`${KIND_LABEL[pkg.kind]} package`}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium text-slate-900">{KIND_LABEL[pkg.kind]}</span>
        <span role="status" aria-live="polite"><Badge tone={JOB_TONE[pkg.status]}>{busy ? `${pkg.status.toLowerCase()}…` : pkg.status.toLowerCase()}</Badge></span>
        <span className="text-xs text-slate-500">requested {formatDateTime(pkg.createdAt)}{pkg.timings?.totalMs !== undefined && ` · ${(pkg.timings.totalMs / 1000).toFixed(1)} s`}</span>
      </div>
      {pkg.error && <Alert tone="error">{pkg.error}</Alert>}
      {pkg.parity && <ParityReportView report={pkg.parity} />}
      {pkg.kind === 'BUNDLE' && pkg.docker && !pkg.docker.built && (
        <Alert tone="info" title="No Docker daemon answered">
          The bundle is still produced; build it with <code className="font-mono">docker build</code> (the README inside says how).
        </Alert>
      )}
      {pkg.kind === 'BUNDLE' && pkg.docker?.built && <p className="text-sm text-slate-700">Docker image built: <code className="font-mono">{pkg.docker.tag}</code></p>}
      {names.length > 0 && (
        <div className="flex flex-wrap gap-2">
          {names.map((a) => (
            <Button key={a} size="sm" variant={a === 'parity' ? 'ghost' : 'primary'} onClick={() => void download(a)}
              aria-label={`Download ${ARTIFACT_LABEL[a]} of version ${version.number}`}>
              Download {ARTIFACT_LABEL[a]} <span className="text-xs opacity-80">{formatBytes(pkg.artifacts[a]!.bytes)}</span>
            </Button>
          ))}
        </div>
      )}
      {pkg.status === 'SUCCEEDED' && pkg.artifacts.czann && <p className="break-all font-mono text-xs text-slate-500">SHA-256 {pkg.artifacts.czann.sha256}</p>}
      <FormError message={error} />
    </li>
  );
}
