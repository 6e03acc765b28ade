export { postOrderAcceptance as POST } from '@/server/api/endpoints/orders';
