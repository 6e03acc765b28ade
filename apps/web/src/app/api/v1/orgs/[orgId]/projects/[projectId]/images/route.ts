export { getImages as GET, postImage as POST } from '@/server/api/endpoints/images';
