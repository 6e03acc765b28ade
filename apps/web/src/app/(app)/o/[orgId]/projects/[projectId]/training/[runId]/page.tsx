import type { Metadata } from 'next';
import { RunView } from '@/components/training/run-view';

export const metadata: Metadata = { title: 'Training run' };

type Props = { params: Promise<{ projectId: string; runId: string }> };

export default async function TrainingRunPage({ params }: Props) {
  const { projectId, runId } = await params;
  return <RunView projectId={projectId} runId={runId} />;
}
