import type { Metadata } from 'next';
import { ImageViewerPage } from '@/components/viewer/image-viewer-page';
import { db } from '@/server/context';
import { env } from '@/server/env';
import { getImage } from '@/server/images/manage-images';
import { getSessionUser } from '@/server/session';

export const metadata: Metadata = { title: 'Viewer' };

type Props = { params: Promise<{ orgId: string; projectId: string; imageId: string }> };

/** Members get the image with the page (one round trip less before the first chunk); others load it through the API. */
export default async function ViewerPage({ params }: Props) {
  const { orgId, projectId, imageId } = await params;
  const user = await getSessionUser();
  const member = user?.organizations.find((o) => o.id === orgId);
  const actor = user && member ? { userId: user.id, organizationId: orgId, role: member.role } : null;
  const initial = actor ? await getImage(db(), env().AUTH_SECRET, actor, projectId, imageId).catch(() => null) : null;
  return <ImageViewerPage projectId={projectId} imageId={imageId} initial={initial} />;
}
