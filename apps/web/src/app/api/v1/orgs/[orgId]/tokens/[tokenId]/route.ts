export { deleteToken as DELETE } from '@/server/api/endpoints/tokens';
