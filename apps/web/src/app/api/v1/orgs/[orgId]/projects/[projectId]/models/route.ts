export { getProjectModels as GET, postProjectModel as POST } from '@/server/api/endpoints/models';
