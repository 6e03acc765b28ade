export { getAnnotationEvents as GET } from '@/server/api/endpoints/annotations';
export const dynamic = 'force-dynamic';
