export { postServiceQuote as POST } from '@/server/api/endpoints/orders';
