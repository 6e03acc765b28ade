export { postVersionRun as POST } from '@/server/api/endpoints/models';
