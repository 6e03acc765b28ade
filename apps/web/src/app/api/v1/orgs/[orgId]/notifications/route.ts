export { getNotifications as GET } from '@/server/api/endpoints/orders';
