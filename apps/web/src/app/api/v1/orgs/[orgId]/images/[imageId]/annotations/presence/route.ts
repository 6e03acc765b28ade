export { postPresence as POST } from '@/server/api/endpoints/annotations';
