import type { Metadata } from 'next';
import { ReviewOverview } from '@/components/annotation/review-overview';

export const metadata: Metadata = { title: 'Annotation review' };

export default function ReviewPage() {
  return <ReviewOverview />;
}
