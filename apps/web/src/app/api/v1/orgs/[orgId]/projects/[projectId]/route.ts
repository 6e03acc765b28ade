export { getProjectById as GET, patchProject as PATCH } from '@/server/api/endpoints/projects';
