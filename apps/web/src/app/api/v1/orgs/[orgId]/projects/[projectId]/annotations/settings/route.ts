export { putAnnotationSettings as PUT } from '@/server/api/endpoints/annotations';
