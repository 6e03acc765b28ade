export { postOrderExample as POST } from '@/server/api/endpoints/orders';
