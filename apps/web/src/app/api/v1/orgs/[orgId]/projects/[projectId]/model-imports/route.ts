export { postModelImport as POST } from '@/server/api/endpoints/models';
