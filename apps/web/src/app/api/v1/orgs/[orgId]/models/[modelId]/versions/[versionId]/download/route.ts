export { postVersionDownload as POST } from '@/server/api/endpoints/models';
