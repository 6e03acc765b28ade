import type { Metadata } from 'next';
import { DatasetView } from '@/components/images/dataset-view';

export const metadata: Metadata = { title: 'Images' };

type Props = { params: Promise<{ projectId: string }> };

export default async function ImagesPage({ params }: Props) {
  const { projectId } = await params;
  return <DatasetView projectId={projectId} />;
}
