import type { ImageDto } from '@/server/images/image-dto';
import { Badge } from '@/components/ui/page-header';

const TONE = { UPLOADING: 'amber', QUEUED: 'slate', INGESTING: 'indigo', READY: 'emerald', FAILED: 'red' } as const;
const LABEL = { UPLOADING: 'Uploading', QUEUED: 'Queued', INGESTING: 'Processing', READY: 'Ready', FAILED: 'Failed' } as const;

export function ImageStatusBadge({ image }: { image: Pick<ImageDto, 'status' | 'progress'> }) {
  const text = image.status === 'INGESTING' ? `${LABEL.INGESTING} ${Math.round(image.progress * 100)}%` : LABEL[image.status];
  return <span data-testid="image-status" data-status={image.status}><Badge tone={TONE[image.status]}>{text}</Badge></span>;
}
