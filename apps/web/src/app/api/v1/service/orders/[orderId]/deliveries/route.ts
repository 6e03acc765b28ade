export { postServiceDelivery as POST } from '@/server/api/endpoints/orders';
