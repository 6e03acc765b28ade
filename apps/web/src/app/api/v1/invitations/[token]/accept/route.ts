export { postAcceptInvitation as POST } from '@/server/api/endpoints/account';
