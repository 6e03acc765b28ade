export { getImageAnnotations as GET } from '@/server/api/endpoints/annotations';
