export { patchAnnotationSettings as PATCH } from '@/server/api/endpoints/annotations';
