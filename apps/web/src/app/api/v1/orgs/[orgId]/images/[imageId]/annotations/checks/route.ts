export { getImageChecks as GET } from '@/server/api/endpoints/annotations';
