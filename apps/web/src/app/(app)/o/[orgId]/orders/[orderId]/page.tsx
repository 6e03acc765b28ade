import type { Metadata } from 'next';
import { OrderView } from '@/components/orders/order-view';

export const metadata: Metadata = { title: 'Model order' };

type Props = { params: Promise<{ orderId: string }> };

export default async function OrderPage({ params }: Props) {
  const { orderId } = await params;
  return <OrderView orderId={orderId} />;
}
