import type { Metadata } from 'next';
import { ProjectView } from '@/components/projects/project-view';

export const metadata: Metadata = { title: 'Project' };

type Props = { params: Promise<{ projectId: string }> };

export default async function ProjectPage({ params }: Props) {
  const { projectId } = await params;
  return <ProjectView projectId={projectId} />;
}
