export { getMe as GET } from '@/server/api/endpoints/account';
