export { getServiceQueue as GET } from '@/server/api/endpoints/orders';
