export { postVersionDatasetRun as POST } from '@/server/api/endpoints/models';
