export { postUploadComplete as POST } from '@/server/api/endpoints/images';
