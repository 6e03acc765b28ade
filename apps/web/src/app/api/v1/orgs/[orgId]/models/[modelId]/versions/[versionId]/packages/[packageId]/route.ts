export { getModelPackage as GET } from '@/server/api/endpoints/models';
