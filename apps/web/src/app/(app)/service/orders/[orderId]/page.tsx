import type { Metadata } from 'next';
import { ServiceOrderView } from '@/components/service/service-order-view';

export const metadata: Metadata = { title: 'Service order' };

type Props = { params: Promise<{ orderId: string }> };

export default async function ServiceOrderPage({ params }: Props) {
  const { orderId } = await params;
  return <ServiceOrderView orderId={orderId} />;
}
