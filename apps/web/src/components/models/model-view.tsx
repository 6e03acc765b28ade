'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useOrg } from '@/components/app/org-context';
import { canManage } from '@/lib/roles';
import { useResource } from '@/lib/use-resource';
import { Card, PageHeader, Section } from '@/components/ui/page-header';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { CompareVersions } from './compare-versions';
import { modelPages, modelPaths, SOURCE_LABEL, type Model, type ModelVersion } from './models-api';
import { VersionPanel } from './version-panel';

/** A model: its versions (pick one to see it in full) and the comparison of their metrics. */
export function ModelView({ modelId }: { modelId: string }) {
  const { org } = useOrg();
  const model = useResource<Model>(modelPaths.model(org.id, modelId));
  const [selected, setSelected] = useState<string | null>(null);
  if (model.error) return <ErrorState message={model.error} onRetry={model.reload} />;
  if (!model.data) return <LoadingState />;
  const m = model.data;
  const version = m.versions.find((v) => v.id === selected) ?? m.versions[0];
  const onChanged = (v: ModelVersion) => { if (v.id) void model.reload(); };
  return (
    <>
      <PageHeader
        title={m.name}
        description={<>{m.description || 'A model of this project.'} <Link href={modelPages.project(org.id, m.projectId)} className="font-medium text-indigo-700 hover:underline">All models of the project</Link></>}
      />
      <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
        <nav aria-label="Versions">
          <Card>
            <ul className="divide-y divide-slate-100">
              {m.versions.map((v) => (
                <li key={v.id}>
                  <button type="button" onClick={() => setSelected(v.id)} aria-current={v.id === version?.id ? 'true' : undefined}
                    className={`w-full px-3 py-2 text-left text-sm focus-visible:outline-2 focus-visible:outline-indigo-600 ${v.id === version?.id ? 'bg-indigo-50 text-indigo-800' : 'hover:bg-slate-50'}`}>
                    <span className="font-medium">v{v.number}</span> <span className="text-xs text-slate-500">{SOURCE_LABEL[v.source]}</span>
                  </button>
                </li>
              ))}
            </ul>
          </Card>
        </nav>
        <div className="min-w-0 space-y-8">
          {version ? (
            <VersionPanel key={version.id} orgId={org.id} projectId={m.projectId} version={version}
              canManage={canManage(org.role)} canRun={org.role !== 'VIEWER'} onChanged={onChanged} />
          ) : <p className="text-sm text-slate-500">This model has no versions yet.</p>}
          {m.versions.length > 0 && (
            <Section id="compare" title="Compare versions" description="Each version's metrics side by side; the best value of a row is marked.">
              <Card className="p-4"><CompareVersions orgId={org.id} modelId={m.id} /></Card>
            </Section>
          )}
        </div>
      </div>
    </>
  );
}
