export { postServiceStart as POST } from '@/server/api/endpoints/orders';
