export { postOrg as POST } from '@/server/api/endpoints/account';
