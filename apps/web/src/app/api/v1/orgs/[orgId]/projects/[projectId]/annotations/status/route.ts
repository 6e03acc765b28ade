export { getProjectAnnotationStatus as GET } from '@/server/api/endpoints/annotations';
