export { getProjects as GET, postProject as POST } from '@/server/api/endpoints/projects';
