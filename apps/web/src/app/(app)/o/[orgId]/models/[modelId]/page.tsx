import type { Metadata } from 'next';
import { ModelView } from '@/components/models/model-view';

export const metadata: Metadata = { title: 'Model' };

type Props = { params: Promise<{ modelId: string }> };

export default async function ModelPage({ params }: Props) {
  const { modelId } = await params;
  return <ModelView modelId={modelId} />;
}
