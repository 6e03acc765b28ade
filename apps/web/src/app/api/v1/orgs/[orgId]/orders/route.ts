export { getOrders as GET, postOrder as POST } from '@/server/api/endpoints/orders';
