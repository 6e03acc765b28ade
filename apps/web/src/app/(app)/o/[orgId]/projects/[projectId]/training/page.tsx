import type { Metadata } from 'next';
import { TrainingView } from '@/components/training/training-view';

export const metadata: Metadata = { title: 'Training' };

type Props = { params: Promise<{ projectId: string }> };

export default async function TrainingPage({ params }: Props) {
  const { projectId } = await params;
  return <TrainingView projectId={projectId} />;
}
