export { postOrderCancellation as POST } from '@/server/api/endpoints/orders';
