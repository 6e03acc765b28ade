export { getModelById as GET } from '@/server/api/endpoints/models';
