export { getImageById as GET, deleteImageById as DELETE } from '@/server/api/endpoints/images';
