export { getAnnotationOps as GET, postAnnotationOps as POST } from '@/server/api/endpoints/annotations';
