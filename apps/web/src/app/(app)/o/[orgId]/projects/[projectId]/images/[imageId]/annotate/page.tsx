import { AnnotationEditorPage } from '@/components/annotation/annotation-editor';

type Props = { params: Promise<{ orgId: string; projectId: string; imageId: string }> };

export default async function AnnotatePage({ params }: Props) {
  const { projectId, imageId } = await params;
  return <AnnotationEditorPage projectId={projectId} imageId={imageId} />;
}
