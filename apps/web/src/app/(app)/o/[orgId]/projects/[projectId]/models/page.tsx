import type { Metadata } from 'next';
import { ProjectModelsView } from '@/components/models/project-models-view';

export const metadata: Metadata = { title: 'Models' };

type Props = { params: Promise<{ projectId: string }> };

export default async function ProjectModelsPage({ params }: Props) {
  const { projectId } = await params;
  return <ProjectModelsView projectId={projectId} />;
}
