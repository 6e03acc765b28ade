export { getProjectExport as GET } from '@/server/api/endpoints/annotations';
