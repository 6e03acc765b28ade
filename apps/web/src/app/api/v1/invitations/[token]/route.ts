export { getInvitation as GET } from '@/server/api/endpoints/account';
