export { getProjectRuns as GET } from '@/server/api/endpoints/models';
