export { getUpload as GET } from '@/server/api/endpoints/images';
