import type { Metadata } from 'next';
import { OrderForm } from '@/components/orders/order-form';
import { Card, PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Order a model' };

export default function NewOrderPage() {
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Order a model" description="The service team sends a quote; once you accept it, it labels and trains in your project and delivers the model here." />
      <Card className="p-6"><OrderForm /></Card>
    </div>
  );
}
