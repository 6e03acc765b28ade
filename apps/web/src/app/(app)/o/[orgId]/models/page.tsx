import type { Metadata } from 'next';
import { ModelsOverview } from '@/components/models/models-overview';

export const metadata: Metadata = { title: 'Models' };

export default function ModelsPage() {
  return <ModelsOverview />;
}
