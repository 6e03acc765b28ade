export { postModelPackage as POST } from '@/server/api/endpoints/models';
