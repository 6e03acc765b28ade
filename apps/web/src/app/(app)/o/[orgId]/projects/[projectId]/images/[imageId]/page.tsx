import type { Metadata } from 'next';
import { ImageViewerPage } from '@/components/viewer/image-viewer-page';

export const metadata: Metadata = { title: 'Viewer' };

type Props = { params: Promise<{ projectId: string; imageId: string }> };

export default async function ViewerPage({ params }: Props) {
  const { projectId, imageId } = await params;
  return <ImageViewerPage projectId={projectId} imageId={imageId} />;
}
