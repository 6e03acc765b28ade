import type { Metadata } from 'next';
import { ServiceQueue } from '@/components/service/service-queue';

export const metadata: Metadata = { title: 'Service queue' };

export default function ServicePage() {
  return <ServiceQueue />;
}
