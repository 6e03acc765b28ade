export { getOrderById as GET } from '@/server/api/endpoints/orders';
