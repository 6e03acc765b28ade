export { getServiceProject as GET } from '@/server/api/endpoints/orders';
