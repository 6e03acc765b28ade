export { postSignup as POST } from '@/server/api/endpoints/account';
