import { AnnotationEditorPage } from '@/components/annotation/annotation-editor';

type Props = { params: Promise<{ orgId: string; projectId: string; imageId: string }> };

export default async function AnnotatePage({ params }: Props) {
  const { imageId } = await params;
  return <AnnotationEditorPage imageId={imageId} />;
}
