export { getProjectChecks as GET } from '@/server/api/endpoints/annotations';
